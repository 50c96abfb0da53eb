//===--- RelocatingContainerCheck.cpp - pin-relocating-container ----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "RelocatingContainerCheck.h"
#include "Checks/Wording.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck {

static constexpr llvm::StringLiteral DefaultRelocatingContainers =
    "::std::vector;::std::basic_string;::llvm::SmallVector;"
    "::llvm::SmallVectorImpl;::absl::InlinedVector;::boost::container::vector;"
    "::boost::container::small_vector;::folly::fbvector;::QList;::QVector";

RelocatingContainerCheck::RelocatingContainerCheck(
    StringRef Name, tidy::ClangTidyContext *Context)
    : PinCheck(Name, Context),
      RelocatingContainers(
          Options.get("RelocatingContainers", DefaultRelocatingContainers)) {}

void RelocatingContainerCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  PinCheck::storeOptions(Opts);
  Options.store(Opts, "RelocatingContainers", RelocatingContainers);
}

//===----------------------------------------------------------------------===//
// Matchers: relocating members of contiguous containers, middle insertion
// and erasure in std::deque, and the permuting algorithms.
//===----------------------------------------------------------------------===//

void RelocatingContainerCheck::registerMatchers(MatchFinder *Finder) {
  std::vector<StringRef> Containers =
      tidy::utils::options::parseStringList(RelocatingContainers);
  auto Growth =
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasAnyName("push_back", "emplace_back", "insert",
                                          "emplace", "resize", "reserve",
                                          "shrink_to_fit", "erase", "assign"))),
          // The object's type before any conversion to a base, not
          // the method's class: llvm::SmallVector declares
          // push_back in a base.
          on(ignoringImpCasts(
              expr(hasType(hasUnqualifiedDesugaredType(recordType(
                       hasDeclaration(cxxRecordDecl(hasAnyName(Containers)))))))
                  .bind("container"))))
          .bind("call");
  // std::deque relocates only when inserting or erasing in the middle.
  auto DequeMiddle =
      cxxMemberCallExpr(callee(cxxMethodDecl(
                            hasAnyName("insert", "emplace", "erase"),
                            ofClass(cxxRecordDecl(hasName("::std::deque"))))),
                        on(expr().bind("container")))
          .bind("deque");
  auto Algorithms = {"sort",         "stable_sort",     "rotate",
                     "remove",       "remove_if",       "unique",
                     "shuffle",      "partition",       "nth_element",
                     "partial_sort", "stable_partition"};
  std::vector<std::string> PlainNames, RangesNames;
  for (StringRef Name : Algorithms) {
    PlainNames.push_back(("::std::" + Name).str());
    RangesNames.push_back(("__" + Name + "_fn").str());
  }
  // The matchers copy the names.
  std::vector<StringRef> Plain(PlainNames.begin(), PlainNames.end());
  std::vector<StringRef> Ranges(RangesNames.begin(), RangesNames.end());
  auto Algorithm = callExpr(callee(functionDecl(hasAnyName(Plain))),
                            hasArgument(0, expr().bind("range")))
                       .bind("call");
  // std::ranges algorithms are function objects.
  auto RangesAlgorithm =
      cxxOperatorCallExpr(
          hasOverloadedOperatorName("()"),
          callee(cxxMethodDecl(ofClass(cxxRecordDecl(hasAnyName(Ranges))))),
          hasArgument(1, expr().bind("range")))
          .bind("call");
  // Each call is matched from its function down, in one walk of the body:
  // an upward `hasAncestor` would make Clang build the parent map of the
  // whole translation unit.
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                   forEachDescendant(callExpr(
                       anyOf(Growth, DequeMiddle, Algorithm, RangesAlgorithm))))
          .bind("function"),
      this);
}

//===----------------------------------------------------------------------===//
// Decision.
//===----------------------------------------------------------------------===//

/// The element type of a container type (its first template argument).
static QualType elementType(QualType Container) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Container.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return {};
  return Spec->getTemplateArgs()[0].getAsType();
}

/// For an algorithm's first argument: the container whose elements are
/// permuted (`v.begin()`, or `v` itself for a ranges algorithm) and the
/// element type.
static std::pair<const Expr *, QualType> rangeOf(const Expr *Range) {
  Range = Range->IgnoreImplicit();
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Range))
    return {Call->getImplicitObjectArgument(),
            elementType(Call->getImplicitObjectArgument()->getType())};
  if (const auto *Call = dyn_cast<CallExpr>(Range);
      Call && Call->getNumArgs() == 1) // std::begin(v)
    return {Call->getArg(0), elementType(Call->getArg(0)->getType())};
  if (Range->getType()->isPointerType())
    return {nullptr, Range->getType()->getPointeeType()};
  return {Range, elementType(Range->getType())};
}

static std::string calleeName(const CallExpr *Call) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    if (const auto *Method =
            dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee())) {
      StringRef Class = Method->getParent()->getName();
      Class.consume_front("__");
      Class.consume_back("_fn");
      return "'std::ranges::" + Class.str() + "'";
    }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    if (const CXXMethodDecl *Method = Member->getMethodDecl())
      return "'" + Method->getNameAsString() + "'";
  if (const FunctionDecl *Callee = Call->getDirectCallee())
    return "'" + Callee->getQualifiedNameAsString() + "'";
  return "this call";
}

/// `d.begin()` or `d.end()` as a position, through the iterator
/// conversions: an insertion or erasure at an end of a deque.
static bool isEndPosition(const Expr *Position) {
  while (true) {
    Position = Position->IgnoreImplicit();
    const auto *Construct = dyn_cast<CXXConstructExpr>(Position);
    if (!Construct || Construct->getNumArgs() != 1)
      break;
    Position = Construct->getArg(0);
  }
  const auto *Call = dyn_cast<CXXMemberCallExpr>(Position);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  return Method && Method->getIdentifier() &&
         llvm::is_contained({StringRef("begin"), StringRef("end"),
                             StringRef("cbegin"), StringRef("cend")},
                            Method->getName());
}

void RelocatingContainerCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  if (const auto *DequeCall = Result.Nodes.getNodeAs<CallExpr>("deque")) {
    if (DequeCall->getNumArgs() == 0 || isEndPosition(DequeCall->getArg(0)))
      return;
    Call = DequeCall;
  }
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  const Expr *Container = Result.Nodes.getNodeAs<Expr>("container");
  QualType Element;
  if (Container) {
    Element = elementType(Container->getType());
  } else if (const auto *Range = Result.Nodes.getNodeAs<Expr>("range")) {
    std::tie(Container, Element) = rangeOf(Range);
  }
  if (Element.isNull() || Element->isDependentType())
    return;
  const std::string Name = calleeName(Call);
  // The start of the call's range, not getBeginLoc(): for the call operator
  // of a function object (std::ranges::sort(v)), Clang 22's
  // CXXOperatorCallExpr::getBeginLoc() can return the '(' where its source
  // range starts at the object.
  const SourceLocation At = Call->getSourceRange().getBegin();
  const std::string Alternatives =
      "keep the elements in place with std::deque (insertion at the ends "
      "only), std::list, or std::vector<std::unique_ptr<" +
      Element.getAsString(Result.Context->getPrintingPolicy()) + ">>";

  // Elements whose own move leaves them broken: always wrong.
  PinAnalysis &Analysis = analysis(*Result.Context);
  if (std::optional<MustNotMove> Why = Analysis.model().mustNotMove(Element);
      Why && Why->MoveWrong) {
    diag(At, "%0 relocates elements of type %1, whose moves leave them broken")
        << Name << Element;
    diag(Why->At ? Why->At->getLocation() : At, "%0", DiagnosticIDs::Note)
        << describeMustNotMove(*Why);
    diag(At, Alternatives, DiagnosticIDs::Note);
    return;
  }

  // An element pinned earlier in the same function.
  const Decl *Object =
      Container ? PinEventFinder::objectOf(Container) : nullptr;
  if (!Object || !Function || !Function->hasBody())
    return;
  ReachingPins Reaching = Analysis.in(Function, *Result.Context)
                              .reaching(Object, Call, /*Declaration=*/nullptr,
                                        [](const PinEvent &) { return true; });
  if (!Reaching)
    return;
  diag(At, "%0 relocates the elements of %1, one of which "
           "%select{may be|is}2 pinned")
      << Name << describeObject(Object) << Reaching.Definite;
  for (const PinEvent *Event : Reaching.Events)
    diag(Event->At->getBeginLoc(), "an element of %0 is pinned here: %1",
         DiagnosticIDs::Note)
        << describeObject(Object) << describeCause(*Event->Cause);
  diag(At, Alternatives, DiagnosticIDs::Note);
}

} // namespace pincheck
