//===--- TidyEngine.cpp - The clang-tidy engine on the user's code --------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "TidyEngine.h"
#include "Checks/TidyCompat.h"
#include "UserCodeScope.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"

using namespace clang;
using namespace clang::tidy;

namespace pincheck {
namespace {

/// Calls the frontend's `AfterChecks` at the end of the unit.
class AfterChecksConsumer : public ASTConsumer {
public:
  explicit AfterChecksConsumer(AfterChecks &After) : After(After) {}
  void HandleTranslationUnit(ASTContext &Context) override { After(Context); }

private:
  AfterChecks &After;
};

class UserCodeAction : public ASTFrontendAction {
public:
  UserCodeAction(ClangTidyASTConsumerFactory &Factory, AfterChecks &After)
      : Factory(Factory), After(After) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(Factory.createASTConsumer(Compiler, File));
    if (After)
      Consumers.push_back(std::make_unique<AfterChecksConsumer>(After));
    return std::make_unique<UserCodeConsumer>(std::move(Consumers));
  }

private:
  ClangTidyASTConsumerFactory &Factory;
  AfterChecks &After;
};

class UserCodeActionFactory : public tooling::FrontendActionFactory {
public:
  UserCodeActionFactory(ClangTidyContext &Context,
                        IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                        AfterChecks After)
      : Factory(Context, std::move(FS)), After(std::move(After)) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<UserCodeAction>(Factory, After);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *Diagnostics) override {
    // As clang-tidy: code guarded by `__clang_analyzer__` is analysed too.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    // Every diagnostic goes to the engine's consumer; without carets the
    // compiler prints no "N warnings generated." of its own on the standard
    // error (the CLI's summary counts the findings, and pincheck-clangd
    // shares it with clangd).
    Invocation->getDiagnosticOpts().ShowCarets = false;
    return FrontendActionFactory::runInvocation(
        std::move(Invocation), Files, std::move(PCHContainerOps), Diagnostics);
  }

private:
  ClangTidyASTConsumerFactory Factory;
  AfterChecks After;
};

} // namespace

std::vector<ClangTidyError>
runTidyOnUserCode(ClangTidyContext &Context,
                  const tooling::CompilationDatabase &Compilations,
                  const std::string &File,
                  IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                  bool ApplyAnyFix, AfterChecks After) {
  tooling::ClangTool Tool(Compilations, {File},
                          std::make_shared<PCHContainerOperations>(), FS);
  // `ExtraArgs` and `ExtraArgsBefore` of the .clang-tidy files.
  Tool.appendArgumentsAdjuster(
      [&Context](const tooling::CommandLineArguments &Args,
                 StringRef Filename) {
        ClangTidyOptions Options = Context.getOptionsForFile(Filename);
        tooling::CommandLineArguments Adjusted = Args;
        if (Options.ExtraArgsBefore)
          Adjusted = tooling::getInsertArgumentAdjuster(
              *Options.ExtraArgsBefore,
              tooling::ArgumentInsertPosition::BEGIN)(Adjusted, Filename);
        if (Options.ExtraArgs)
          Adjusted = tooling::getInsertArgumentAdjuster(
              *Options.ExtraArgs,
              tooling::ArgumentInsertPosition::END)(Adjusted, Filename);
        return Adjusted;
      });
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());

  ClangTidyDiagnosticConsumer Diagnostics(Context, /*ForwardTo=*/nullptr,
                                          /*RemoveIncompatibleErrors=*/true,
                                          ApplyAnyFix);
  std::unique_ptr<DiagnosticsEngine> Engine =
      compat::createTidyDiagnosticsEngine(Context, Diagnostics);
  Tool.setDiagnosticConsumer(&Diagnostics);

  UserCodeActionFactory Factory(Context, std::move(FS), std::move(After));
  Tool.run(&Factory);
  return Diagnostics.take();
}

} // namespace pincheck
