//===--- PinCheck.cpp - What every pincheck check shares ------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Checks/PinCheck.h"
#include "Checks/SharedAnalysis.h"
#include "Checks/Wording.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pincheck {

PinCheck::PinCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), TidyContext(Context),
      PinnedTypes(Options.getLocalOrGlobal("PinnedTypes", "")),
      PinningFunctions(Options.getLocalOrGlobal("PinningFunctions", "")),
      EscapingFunctions(Options.getLocalOrGlobal("EscapingFunctions", "")),
      FactStore(Options.getLocalOrGlobal("FactStore", "")) {}

void PinCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "PinnedTypes", PinnedTypes);
  Options.store(Opts, "PinningFunctions", PinningFunctions);
  Options.store(Opts, "EscapingFunctions", EscapingFunctions);
  Options.store(Opts, "FactStore", FactStore);
}

bool PinCheck::isCheckEnabled(StringRef CheckName) const {
  return TidyContext->isCheckEnabled(CheckName);
}

std::string PinCheck::optionOf(StringRef CheckName, StringRef Option,
                               StringRef Default) const {
  const tidy::ClangTidyOptions::OptionMap &Options =
      TidyContext->getOptions().CheckOptions;
  auto It = Options.find((CheckName + "." + Option).str());
  return It == Options.end() ? Default.str() : It->getValue().Value;
}

SourceLocation PinCheck::locateSite(const FactSite &Site,
                                    SourceLocation Fallback,
                                    SourceManager &SM) {
  llvm::Expected<FileEntryRef> File = SM.getFileManager().getFileRef(Site.File);
  if (!File) {
    llvm::consumeError(File.takeError());
    return Fallback;
  }
  FileID ID = SM.getOrCreateFileID(*File, SrcMgr::C_User);
  SourceLocation Loc = SM.translateLineCol(ID, Site.Line, Site.Column);
  // An edit since the facts were taken may have shortened the file.
  if (Loc.isInvalid() || SM.getSpellingLineNumber(Loc) != Site.Line)
    return Fallback;
  return Loc;
}

void PinCheck::noteElsewhere(const PinCause &Cause, SourceLocation Fallback,
                             SourceManager &SM) {
  for (const PinCause *Step = &Cause; Step; Step = Step->Inner.get())
    if (Step->Elsewhere) {
      const std::string Text =
          describeCause(*Step) + " (" + describeSite(*Step->Elsewhere) + ")";
      if (NotedElsewhere.insert(Text).second)
        diag(locateSite(*Step->Elsewhere, Fallback, SM), "%0",
             DiagnosticIDs::Note)
            << Text;
      return;
    }
}

void PinCheck::noteElsewhere(const TypeCause &Cause, SourceLocation Fallback,
                             const ASTContext &Context) {
  if (!Cause.Elsewhere ||
      !NotedElsewhere
           .insert(describeSite(*Cause.Elsewhere) + ":" +
                   (Cause.Pointer ? Cause.Pointer->getName().str() : "address"))
           .second)
    return;
  // Reading another file adds to the source manager, not to the AST.
  SourceLocation Loc =
      locateSite(*Cause.Elsewhere, Fallback,
                 const_cast<SourceManager &>(Context.getSourceManager()));
  const std::string Function =
      Cause.Function ? "'" + Cause.Function->getQualifiedNameAsString() + "'"
                     : std::string("a function of another translation unit");
  if (Cause.TheKind == TypeCause::Kind::HandsOutAddress) {
    diag(Loc, "%0 hands the object's address to %1 (%2)", DiagnosticIDs::Note)
        << Function << describeSink(Cause.Sink)
        << describeSite(*Cause.Elsewhere);
    return;
  }
  PointerTarget Target = IntoObject;
  if (const TypeSummary *Summary =
          analysis(Context).model().summarize(Cause.Record))
    for (const InteriorPointer &Pointer : Summary->Pointers)
      if (Pointer.Field == Cause.Pointer)
        Target = pointerTarget(Pointer.Origin);
  diag(Loc,
       "%0 points %1 %select{into the object|at the object|into the buffer "
       "of the object}2 (%3)",
       DiagnosticIDs::Note)
      << Function << Cause.Pointer << Target << describeSite(*Cause.Elsewhere);
}

PinAnalysis &PinCheck::analysis(const ASTContext &Context) {
  if (!Analysis || AnalysisFor != &Context) {
    Analysis = sharedAnalysis(
        *TidyContext, Context,
        {PinnedTypes, PinningFunctions, EscapingFunctions, FactStore});
    AnalysisFor = &Context;
  }
  return *Analysis;
}

/// Why a member is pinned with its object (docs/model.md, "Pin projection").
void PinCheck::noteStructural(const StructuralPin &Structural) {
  const FieldDecl *Member = Structural.Member;
  const std::string Type =
      Structural.Type ? describeMustNotMove(*Structural.Type) : "";
  diag(Member->getLocation(),
       "%0 is pinned with its object: %select{it is declared "
       "'PIN_STRUCTURAL'|%2|its address is what the pin hands out}1",
       DiagnosticIDs::Note)
      << Member << static_cast<unsigned>(Structural.Why) << Type;
}

} // namespace pincheck
