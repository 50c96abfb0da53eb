//===--- PincheckPlugin.cpp - pincheck as a compiler plugin ---------------===//
//
// Part of pincheck. `clang++ -fplugin=pincheck-plugin.so` runs the pincheck
// checks after the compiler's own action on the same AST (no second parse),
// through the clang-tidy engine, so `.clang-tidy` files and NOLINT comments
// behave as in clang-tidy (model section 8).
//
// Findings are collected by the clang-tidy engine and then emitted through
// the compiler's DiagnosticsEngine with their notes and fix-its, at the level
// the compiler's own warnings would get: errors under -Werror (unless
// -Wno-error follows), nothing under -w. (A plugin's custom diagnostics are
// not mapped by -Werror on their own.)
//
// An internal error in the analysis (a crash in a check, or in Clang while
// the checks run) must not fail the user's build: the analysis runs under
// llvm::CrashRecoveryContext, and a crash becomes one warning,
// `pincheck: internal error analysing 'FILE'; please report it`, after
// which the compile goes on without pincheck's findings for the file.
//
// Arguments: -fplugin-arg-pincheck-checks=<globs>, and
// -fplugin-arg-pincheck-facts=<dir> for the fact store of whole-program
// analysis (by default, the one beside the compilation database is found;
// `none` turns it off).
//
//===----------------------------------------------------------------------===//

#include "Checks/TidyCompat.h"
#include "CrashRecovery.h"
#include "TidyOptions.h"
#include "UserCodeScope.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Frontend/MultiplexConsumer.h"

using namespace clang;
using namespace clang::tidy;

namespace pincheck {
namespace {

/// Runs the clang-tidy consumer, then reports what it found.
class PincheckConsumer : public UserCodeConsumer {
public:
  PincheckConsumer(CompilerInstance &Compiler, StringRef File,
                   std::unique_ptr<ClangTidyContext> Context,
                   std::unique_ptr<ClangTidyDiagnosticConsumer> Collector,
                   std::unique_ptr<DiagnosticsEngine> CollectorEngine,
                   std::unique_ptr<ASTConsumer> Tidy)
      : UserCodeConsumer(std::move(Tidy)), Compiler(Compiler), MainFile(File),
        Context(std::move(Context)), Collector(std::move(Collector)),
        CollectorEngine(std::move(CollectorEngine)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    const std::vector<Decl *> Scope = Ctx.getTraversalScope();
    if (!runRecoveringFromCrashes([&] {
          UserCodeConsumer::HandleTranslationUnit(Ctx);
          Collector->finish();
        })) {
      Ctx.setTraversalScope(Scope); // The crash skipped its restoration.
      reportInternalError();
      return;
    }
    for (const ClangTidyError &Finding : Collector->take())
      report(Finding);
  }

private:
  /// One warning without a location, subject to -w like the findings (a
  /// plugin's custom warnings are not); never an error, so that the compile
  /// goes on.
  void reportInternalError() {
    DiagnosticsEngine &Diags = Compiler.getDiagnostics();
    if (Diags.getIgnoreAllWarnings())
      return;
    Diags.Report(Diags.getCustomDiagID(
        DiagnosticsEngine::Warning,
        "pincheck: internal error analysing '%0'; please report it"))
        << MainFile;
  }

  SourceLocation location(StringRef File, unsigned Offset) {
    SourceManager &SM = Compiler.getSourceManager();
    auto Entry = SM.getFileManager().getOptionalFileRef(File);
    if (!Entry)
      return {};
    FileID ID = SM.translateFile(*Entry);
    if (ID.isInvalid())
      return {};
    return SM.getLocForStartOfFile(ID).getLocWithOffset(Offset);
  }

  void addFixes(DiagnosticBuilder &Builder,
                const llvm::StringMap<tooling::Replacements> &Fix) {
    for (const auto &[File, Replacements] : Fix)
      for (const tooling::Replacement &Replacement : Replacements) {
        SourceLocation Begin =
            location(Replacement.getFilePath(), Replacement.getOffset());
        if (Begin.isInvalid())
          continue;
        Builder << FixItHint::CreateReplacement(
            CharSourceRange::getCharRange(
                Begin, Begin.getLocWithOffset(Replacement.getLength())),
            Replacement.getReplacementText());
      }
  }

  void report(const ClangTidyError &Finding) {
    DiagnosticsEngine &Diags = Compiler.getDiagnostics();
    if (Finding.DiagLevel == ClangTidyError::Error)
      return; // Compile errors: the compiler reported them itself.
    if (Diags.getIgnoreAllWarnings())
      return; // -w
    const bool AsError =
        Diags.getWarningsAsErrors() || Finding.IsWarningAsError;
    std::string Tag =
        " [" + Finding.DiagnosticName + (AsError ? ",-Werror]" : "]");
    unsigned ID = Diags.getCustomDiagID(
        AsError ? DiagnosticsEngine::Error : DiagnosticsEngine::Warning, "%0");
    {
      DiagnosticBuilder Builder = Diags.Report(
          location(Finding.Message.FilePath, Finding.Message.FileOffset), ID);
      Builder << Finding.Message.Message + Tag;
      addFixes(Builder, Finding.Message.Fix);
    }
    unsigned NoteID = Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0");
    for (const tooling::DiagnosticMessage &Note : Finding.Notes) {
      DiagnosticBuilder Builder =
          Diags.Report(location(Note.FilePath, Note.FileOffset), NoteID);
      Builder << Note.Message;
      addFixes(Builder, Note.Fix);
    }
  }

  CompilerInstance &Compiler;
  /// As the command line names it.
  std::string MainFile;
  std::unique_ptr<ClangTidyContext> Context;
  std::unique_ptr<ClangTidyDiagnosticConsumer> Collector;
  std::unique_ptr<DiagnosticsEngine> CollectorEngine;
};

class PincheckAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
    Defaults.Checks = "-*,pin-*";
    ClangTidyOptions Overrides;
    Overrides.Checks = onlyPincheckChecks(Checks);
    if (FactStore)
      Overrides.CheckOptions["FactStore"] =
          ClangTidyOptions::ClangTidyValue(*FactStore);
    auto Context = std::make_unique<ClangTidyContext>(
        std::make_unique<FileOptionsProvider>(ClangTidyGlobalOptions(),
                                              Defaults, Overrides));
    auto Collector = std::make_unique<ClangTidyDiagnosticConsumer>(*Context);
    std::unique_ptr<DiagnosticsEngine> Engine =
        compat::createTidyDiagnosticsEngine(*Context, *Collector);
    ClangTidyASTConsumerFactory Factory(*Context);
    std::unique_ptr<ASTConsumer> Tidy =
        Factory.createASTConsumer(Compiler, File);
    return std::make_unique<PincheckConsumer>(
        Compiler, File, std::move(Context), std::move(Collector),
        std::move(Engine), std::move(Tidy));
  }

  bool ParseArgs(const CompilerInstance &Compiler,
                 const std::vector<std::string> &Args) override {
    for (llvm::StringRef Arg : Args) {
      if (Arg.consume_front("checks=")) {
        Checks = Arg.str();
      } else if (Arg.consume_front("facts=")) {
        FactStore = Arg.str();
      } else {
        DiagnosticsEngine &Diags = Compiler.getDiagnostics();
        Diags.Report(Diags.getCustomDiagID(
            DiagnosticsEngine::Error,
            "unknown pincheck plugin argument '%0' (expected 'checks=...' "
            "or 'facts=...')"))
            << Arg;
        return false;
      }
    }
    return true;
  }

  ActionType getActionType() override { return AddAfterMainAction; }

private:
  std::string Checks;
  std::optional<std::string> FactStore;
};

} // namespace
} // namespace pincheck

static FrontendPluginRegistry::Add<pincheck::PincheckAction>
    Registration("pincheck", "Reports copies and moves of objects that must "
                             "not move");
