// libharu wrapper: document lifetime, error recording and raising, saving to
// memory.
#include "pdf/hpdf.hpp"

#include <cstdio>

namespace juesuan::pdf::detail {

namespace {

// A write hook of libharu's dictionary object: runs after the dictionary's
// own entries. It only writes, never throws.
extern "C" HPDF_STATUS declare_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

// libharu's memory stream keeps its bytes in chunks of a fixed size (4 KiB
// by default), allocated as it is written. A stream written once, with
// bytes known in advance, gets one chunk of exactly their size: a page's
// deflated content is often ~1 KiB, and a volume of 9,000 pages would
// otherwise hold ~27 MiB of unused chunk ends until it is saved. Only an
// empty stream is resized (every chunk of a stream has the same size).
void size_to_fit(HPDF_Stream stream, std::size_t bytes) {
  if (stream->type != HPDF_STREAM_MEMORY || stream->size != 0 || bytes == 0) return;
  auto* attr = static_cast<HPDF_MemStreamAttr>(stream->attr);
  if (attr->buf->count != 0) return;
  attr->buf_siz = static_cast<HPDF_UINT>(bytes);
  attr->w_pos = attr->buf_siz;  // "the current chunk is full": the first write allocates one
}

}  // namespace

void Hpdf::write_deflated(HPDF_Dict stream, const std::string& deflated, const char* what) {
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = &declare_flate_filter;
  size_to_fit(stream->stream, deflated.size());
  check(HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                          static_cast<HPDF_UINT>(deflated.size())),
        what);
}

void Hpdf::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) noexcept {
  auto* h = static_cast<Hpdf*>(self);
  if (h->recorded_ == HPDF_OK) {
    h->recorded_ = error;
    h->recorded_detail_ = detail;
  }
}

Hpdf::Hpdf() {
  doc_ = HPDF_New(&Hpdf::on_error, this);
  if (!doc_) throw Error(Failure::Internal, "libharu could not create a document (out of memory)");
}

Hpdf::~Hpdf() {
  if (doc_) HPDF_Free(doc_);
}

void Hpdf::check(const char* what) {
  if (recorded_ || HPDF_GetError(doc_) != HPDF_OK) fail(HPDF_OK, what);
}

void Hpdf::fail(HPDF_STATUS status, const char* what) {
  HPDF_STATUS code = recorded_ ? recorded_ : HPDF_GetError(doc_) ? HPDF_GetError(doc_) : status;
  HPDF_STATUS detail = recorded_ ? recorded_detail_ : HPDF_GetErrorDetail(doc_);
  char buf[160];
  if (code == HPDF_OK)
    std::snprintf(buf, sizeof buf, "libharu: %s failed (no object returned)", what);
  else
    std::snprintf(buf, sizeof buf, "libharu: %s failed with error 0x%04X (detail %u)", what,
                  static_cast<unsigned>(code), static_cast<unsigned>(detail));
  recorded_ = HPDF_OK;
  HPDF_ResetError(doc_);
  throw Error(Failure::Internal, buf);
}

std::string Hpdf::save() {
  check(HPDF_SaveToStream(doc_), "HPDF_SaveToStream");
  const HPDF_UINT32 total = HPDF_GetStreamSize(doc_);
  std::string out(total, '\0');
  HPDF_UINT32 done = 0;
  while (done < total) {
    HPDF_UINT32 n = total - done;
    HPDF_STATUS s = HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(out.data()) + done, &n);
    done += n;
    if (s == HPDF_STREAM_EOF || recorded_ == HPDF_STREAM_EOF) {  // the end: not an error
      recorded_ = HPDF_OK;
      HPDF_ResetError(doc_);
      break;
    }
    check(s, "HPDF_ReadFromStream");
    if (n == 0) break;
  }
  if (done != total) throw Error(Failure::Internal, "libharu: the saved PDF is shorter than announced");
  return out;
}

}  // namespace juesuan::pdf::detail
