// RAII around libharu. Its error callback only records (code, detail); the
// wrapper checks after each call and throws Error (Failure::Internal). No longjmp, and no
// exception ever crosses the C callback. Internal to the PDF writer.
#pragma once

#include <hpdf.h>  // without HPDF_SHARED this also brings libharu's object API

#include <string>

#include "pdf/pdf.hpp"

namespace juesuan::pdf::detail {

class Hpdf {
 public:
  Hpdf();
  ~Hpdf();
  Hpdf(const Hpdf&) = delete;
  Hpdf& operator=(const Hpdf&) = delete;

  HPDF_Doc get() const { return doc_; }
  HPDF_MMgr mmgr() const { return doc_->mmgr; }
  HPDF_Xref xref() const { return doc_->xref; }

  // Throws Error (Failure::Internal) naming `what` if libharu recorded an error.
  void check(const char* what);
  HPDF_STATUS check(HPDF_STATUS status, const char* what) {
    if (status != HPDF_OK || recorded_ || HPDF_GetError(doc_) != HPDF_OK) fail(status, what);
    return status;
  }
  template <class T>
  T* check(T* object, const char* what) {
    if (!object || recorded_ || HPDF_GetError(doc_) != HPDF_OK) fail(HPDF_OK, what);
    return object;
  }

  // Writes already deflated bytes into a stream object (a page's content,
  // a font program) and has it declare /FlateDecode: libharu itself would
  // deflate with zlib at its default level only.
  void write_deflated(HPDF_Dict stream, const std::string& deflated, const char* what);

  // Saves the document to memory and returns the bytes.
  std::string save();

 private:
  [[noreturn]] void fail(HPDF_STATUS status, const char* what);
  static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) noexcept;

  HPDF_Doc doc_ = nullptr;
  HPDF_STATUS recorded_ = HPDF_OK;
  HPDF_STATUS recorded_detail_ = 0;
};

}  // namespace juesuan::pdf::detail
