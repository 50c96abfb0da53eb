//===--- Relocation.cpp - Container operations that relocate elements -----===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Checks/Relocation.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck {

StatementMatcher relocatingCall(const std::vector<StringRef> &Containers) {
  auto Growth =
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasAnyName("push_back", "emplace_back", "insert",
                                          "emplace", "resize", "reserve",
                                          "shrink_to_fit", "erase", "assign"))),
          // The object's type before any conversion to a base, not the
          // method's class: llvm::SmallVector declares push_back in a base.
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
  return callExpr(anyOf(Growth, DequeMiddle, Algorithm, RangesAlgorithm));
}

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

std::optional<Relocation> relocationOf(const BoundNodes &Nodes) {
  Relocation R;
  R.Call = Nodes.getNodeAs<CallExpr>("call");
  if (const auto *DequeCall = Nodes.getNodeAs<CallExpr>("deque")) {
    if (DequeCall->getNumArgs() == 0 || isEndPosition(DequeCall->getArg(0)))
      return std::nullopt;
    R.Call = DequeCall;
  }
  R.Container = Nodes.getNodeAs<Expr>("container");
  if (R.Container)
    R.Element = elementType(R.Container->getType());
  else if (const auto *Range = Nodes.getNodeAs<Expr>("range"))
    std::tie(R.Container, R.Element) = rangeOf(Range);
  if (!R.Call || R.Element.isNull() || R.Element->isDependentType())
    return std::nullopt;
  return R;
}

std::optional<RelocationVerdict> judgeRelocation(const Relocation &R,
                                                 const FunctionDecl *Function,
                                                 PinAnalysis &Analysis,
                                                 ASTContext &Context) {
  RelocationVerdict Verdict;
  // Elements whose own move leaves them broken: always wrong.
  if (std::optional<MustNotMove> Why = Analysis.model().mustNotMove(R.Element);
      Why && Why->MoveWrong) {
    Verdict.BrokenElements = std::move(Why);
    return Verdict;
  }
  // An element pinned earlier in the same function. A pin of the container
  // object itself, or of another of its owner's members, is not a pin of
  // these elements (docs/model.md, "Pin events").
  Verdict.Container =
      R.Container ? PinEventFinder::objectOf(R.Container) : nullptr;
  if (!Verdict.Container || !Function || !Function->hasBody())
    return std::nullopt;
  const ValueDecl *Member = PinEventFinder::memberOf(R.Container);
  Verdict.PinnedElement =
      Analysis.in(Function, Context)
          .reaching(Verdict.Container, R.Call, /*Declaration=*/nullptr,
                    [Member](const PinEvent &Event) {
                      return !Event.Whole && Event.Member == Member;
                    });
  if (!Verdict.PinnedElement)
    return std::nullopt;
  return Verdict;
}

std::optional<RelocationVerdict> reportedRelocation(
    const CallExpr *Call, const std::vector<StringRef> &Containers,
    const FunctionDecl *Function, PinAnalysis &Analysis, ASTContext &Context) {
  for (const BoundNodes &Nodes :
       match(relocatingCall(Containers), *Call, Context))
    if (std::optional<Relocation> R = relocationOf(Nodes))
      return judgeRelocation(*R, Function, Analysis, Context);
  return std::nullopt;
}

std::string describeRelocatingCall(const CallExpr *Call) {
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

} // namespace pincheck
