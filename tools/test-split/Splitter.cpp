//===--- Splitter.cpp - A single-file test laid out as a project ----------===//
//
// Part of pincheck's tests (docs/design.md, "Tests"; docs/decisions.md,
// "Split-layout equivalence"). pincheck-split takes one source file and its
// compile flags and writes the same program as real code is laid out:
//
//   NAME.h          the original text with every definition that can live in
//                   a .cpp file reduced to its declaration: types, templates,
//                   inline, constexpr and internal-linkage entities and the
//                   #includes stay whole
//   NAME_members.cpp  the non-template member functions of non-template
//                   classes, moved out of line (Class::f), and the member
//                   definitions already written out of line
//   NAME_rest.cpp   the remaining function definitions and the definitions
//                   of the global variables (declared extern in NAME.h)
//   linemap.json    for each output file and line, the original line, and
//                   the column ranges copied from the original
//   compile_commands.json  the two .cpp files with the original's flags
//
// The output is built from pieces of the original text (copied ranges, which
// keep their columns) and a little generated text (qualifiers, `;`,
// `extern`, namespace wrappers), so that every finding in the split form maps
// back to a line, and where the text was copied to a column, of the original.
//
// Usage: pincheck-split --out-dir=DIR [--compiler=CLANGXX] FILE -- FLAGS...
// Exit status: 0 split, 1 the file cannot be split sensibly (the reason is
// printed: "pincheck-split: cannot split 'FILE': REASON"), 2 usage or
// compile errors.
//
//===----------------------------------------------------------------------===//

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <map>
#include <optional>

using namespace clang;
using namespace llvm;

namespace {

enum ExitStatus { Split = 0, CannotSplit = 1, UsageOrCompileError = 2 };

/// A column range of an output line copied from the original.
struct Segment {
  unsigned Column, Length, OriginalLine, OriginalColumn;
};

/// One output file, built from copied ranges of the original and generated
/// text, with the origin of every line.
class OutputFile {
public:
  OutputFile(StringRef Original, ArrayRef<unsigned> LineStarts)
      : Original(Original), LineStarts(LineStarts) {
    startLine();
  }

  /// Copies [Begin, End) of the original.
  void copy(unsigned Begin, unsigned End) {
    while (Begin < End) {
      auto [Line, Column] = position(Begin);
      size_t NewLine = Original.find('\n', Begin);
      unsigned RunEnd =
          NewLine == StringRef::npos || NewLine >= End ? End : NewLine;
      noteOrigin(Line); // Also for an empty line.
      if (RunEnd > Begin) {
        Current().Segments.push_back(
            {CurrentColumn, RunEnd - Begin, Line, Column});
        Text += Original.slice(Begin, RunEnd);
        CurrentColumn += RunEnd - Begin;
      }
      Begin = RunEnd;
      if (Begin < End) { // The newline.
        Text += '\n';
        startLine();
        ++Begin;
      }
    }
  }

  /// Appends generated text whose lines come from the original line that
  /// holds \p Anchor (an offset), or from none.
  void write(StringRef S, std::optional<unsigned> Anchor) {
    for (char C : S) {
      if (C == '\n') {
        if (Anchor)
          noteOrigin(position(*Anchor).first);
        Text += '\n';
        startLine();
        continue;
      }
      if (Anchor)
        noteOrigin(position(*Anchor).first);
      Text += C;
      ++CurrentColumn;
    }
  }

  bool atLineStart() const { return CurrentColumn == 1; }
  const std::string &text() const { return Text; }

  json::Object lineMap() const {
    json::Array OriginLines, Segments;
    for (size_t I = 0, E = Lines.size(); I != E; ++I) {
      // The last line is empty when the text ends with a newline.
      if (I + 1 == E && Lines[I].Segments.empty() && !Lines[I].Origin)
        break;
      OriginLines.push_back(Lines[I].Origin ? json::Value(*Lines[I].Origin)
                                            : json::Value(nullptr));
      for (const Segment &S : Lines[I].Segments)
        Segments.push_back(json::Array{static_cast<int64_t>(I + 1), S.Column,
                                       S.Length, S.OriginalLine,
                                       S.OriginalColumn});
    }
    return json::Object{{"lines", std::move(OriginLines)},
                        {"segments", std::move(Segments)}};
  }

private:
  struct Line {
    std::optional<unsigned> Origin;
    std::vector<Segment> Segments;
  };

  Line &Current() { return Lines.back(); }
  void startLine() {
    Lines.emplace_back();
    CurrentColumn = 1;
  }
  // A line comes from the first original line that gave it text.
  void noteOrigin(unsigned Line) {
    if (!Current().Origin)
      Current().Origin = Line;
  }
  std::pair<unsigned, unsigned> position(unsigned Offset) const {
    auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
    unsigned Line = It - LineStarts.begin();
    return {Line, Offset - LineStarts[Line - 1] + 1};
  }

  StringRef Original;
  ArrayRef<unsigned> LineStarts;
  std::string Text;
  std::vector<Line> Lines;
  unsigned CurrentColumn = 1;
};

/// A piece of a moved definition: a copied range of the original, or
/// generated text anchored at an original offset.
struct Piece {
  bool IsCopy;
  unsigned Begin, End; // For a copy.
  std::string Text;    // For generated text.
  unsigned Anchor;
};

/// A definition moved into one of the .cpp files: its enclosing namespaces
/// and linkage specifications, outermost first, and its text.
struct MovedDefinition {
  std::vector<const Decl *> Contexts;
  std::vector<Piece> Pieces;
  unsigned Begin; // Original offset, for the order.
};

/// Why a file cannot be split; the first reason found wins.
class Refusal {
public:
  void refuse(const Twine &Why) {
    if (!Reason)
      Reason = Why.str();
  }
  const std::optional<std::string> &reason() const { return Reason; }

private:
  std::optional<std::string> Reason;
};

/// Records the macro definitions of the main file: a definition body moved
/// below the header sees every macro the header defines, which is what it
/// saw in the original only if no macro is defined after it or undefined.
class MacroRecorder : public PPCallbacks {
public:
  MacroRecorder(const SourceManager &SM, std::vector<unsigned> &Defined,
                Refusal &Refused)
      : SM(SM), Defined(Defined), Refused(Refused) {}

  void MacroDefined(const Token &Name, const MacroDirective *MD) override {
    SourceLocation Loc = Name.getLocation();
    if (SM.isWrittenInMainFile(Loc))
      Defined.push_back(SM.getFileOffset(Loc));
  }
  void MacroUndefined(const Token &Name, const MacroDefinition &,
                      const MacroDirective *) override {
    if (SM.isWrittenInMainFile(Name.getLocation()))
      Refused.refuse("macro '" + Name.getIdentifierInfo()->getName() +
                     "' is undefined in the file: moving definitions below "
                     "the header would change what they see");
  }

private:
  const SourceManager &SM;
  std::vector<unsigned> &Defined;
  Refusal &Refused;
};

/// A token of the original, as raw lexing gives it.
struct RawToken {
  tok::TokenKind Kind;
  unsigned Begin, End;
  StringRef Text;
  bool is(StringRef Identifier) const {
    return Kind == tok::raw_identifier && Text == Identifier;
  }
};

class Splitter {
public:
  Splitter(ASTContext &Context, Refusal &Refused,
           ArrayRef<unsigned> MacroDefinitions)
      : Context(Context), SM(Context.getSourceManager()),
        LangOpts(Context.getLangOpts()), Refused(Refused),
        MacroDefinitions(MacroDefinitions) {
    MainID = SM.getMainFileID();
    Original = SM.getBufferData(MainID);
    LineStarts.push_back(0);
    for (size_t I = 0, E = Original.size(); I != E; ++I)
      if (Original[I] == '\n')
        LineStarts.push_back(I + 1);
  }

  void run() {
    visitContext(Context.getTranslationUnitDecl(), {});
    checkMacros();
    checkNolintRegions();
  }

  /// Writes the three files, the line map and the compilation database.
  bool write(StringRef OutDir, StringRef Name, StringRef Compiler,
             ArrayRef<std::string> Flags, StringRef OriginalPath);

private:
  // Declarations, walked in the order they are written.
  void visitContext(const DeclContext *DC,
                    const std::vector<const Decl *> &Contexts);
  void visitRecord(const CXXRecordDecl *Record,
                   const std::vector<const Decl *> &Contexts);
  void moveFreeFunction(const FunctionDecl *Function,
                        const std::vector<const Decl *> &Contexts);
  std::vector<std::pair<unsigned, unsigned>>
  inClassOnlyParts(const clang::CXXMethodDecl *Method,
                   const std::vector<RawToken> &Head, unsigned Name,
                   unsigned RParen, unsigned Start) const;
  void moveInClassMember(const CXXMethodDecl *Method,
                         const std::vector<const Decl *> &Contexts);
  void moveOutOfLineMember(const Decl *D,
                           const std::vector<const Decl *> &Contexts);
  void moveGlobalVariables(ArrayRef<const VarDecl *> Group,
                           const std::vector<const Decl *> &Contexts);

  // Decisions.
  bool isWrittenInMainFile(const Decl *D) const;
  bool hasInternalContext(const Decl *D) const;
  bool staysInClass(const CXXMethodDecl *Method) const;
  bool returnTypeNeedsClassScope(const CXXMethodDecl *Method,
                                 SourceRange Return) const;
  void checkMacros();
  void checkNolintRegions();

  // Source positions, as offsets into the main file.
  unsigned offset(SourceLocation Loc) const {
    return SM.getFileOffset(SM.getExpansionLoc(Loc));
  }
  unsigned tokenEnd(SourceLocation Loc) const {
    SourceLocation End = SM.getExpansionRange(Loc).getEnd();
    return offset(Lexer::getLocForEndOfToken(End, 0, SM, LangOpts));
  }
  /// The end of the line after \p Offset when the rest of it is a `//`
  /// comment (a NOLINT must go with the code it is written beside), else
  /// \p Offset.
  unsigned withTrailingComment(unsigned Offset) const {
    size_t At = Offset;
    while (At < Original.size() &&
           (Original[At] == ' ' || Original[At] == '\t'))
      ++At;
    if (!Original.substr(At).starts_with("//"))
      return Offset;
    size_t LineEnd = Original.find('\n', At);
    return LineEnd == StringRef::npos ? Original.size() : LineEnd;
  }
  /// \p Offset moved back over the white space before it.
  unsigned backOverSpace(unsigned Offset) const {
    while (Offset > 0 && isSpace(Original[Offset - 1]))
      --Offset;
    return Offset;
  }
  std::vector<RawToken> lex(unsigned Begin, unsigned End) const;
  /// Where the type starts after the attributes that begin a declaration
  /// (\p Head: its tokens before the name at \p Name).
  unsigned leadingAttributesEnd(ArrayRef<RawToken> Head, unsigned Name) const;
  /// The offset of the body, or of the `:` of a constructor's initializers
  /// or the `try` of a function-try-block, whichever comes first.
  unsigned definitionStart(const FunctionDecl *Function) const;
  /// Pieces copying [Begin, End) without the given ranges.
  static void copyExcept(std::vector<Piece> &Pieces, unsigned Begin,
                         unsigned End,
                         std::vector<std::pair<unsigned, unsigned>> Cut);
  /// The ranges of the default arguments `= expr` of \p Function.
  std::vector<std::pair<unsigned, unsigned>>
  defaultArguments(const FunctionDecl *Function) const;
  std::vector<const Decl *> namespacesOf(const DeclContext *DC) const;

  void removeFromHeader(unsigned Begin, unsigned End, StringRef Replacement) {
    HeaderEdits[Begin] = {End, Replacement.str()};
  }
  void emit(OutputFile &Out, ArrayRef<MovedDefinition> Definitions) const;

  ASTContext &Context;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  Refusal &Refused;
  ArrayRef<unsigned> MacroDefinitions;
  FileID MainID;
  StringRef Original;
  std::vector<unsigned> LineStarts;
  // Begin offset -> (end offset, replacement) in the header.
  std::map<unsigned, std::pair<unsigned, std::string>> HeaderEdits;
  std::vector<MovedDefinition> Members, Rest;
};

bool Splitter::isWrittenInMainFile(const Decl *D) const {
  SourceLocation Begin = D->getBeginLoc(), End = D->getEndLoc();
  // What a macro writes stays where the macro is used: in the header.
  if (Begin.isMacroID() || End.isMacroID())
    return false;
  return SM.isWrittenInMainFile(Begin) && SM.isWrittenInMainFile(End);
}

bool Splitter::hasInternalContext(const Decl *D) const {
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      if (NS->isAnonymousNamespace())
        return true;
  return false;
}

std::vector<const Decl *> Splitter::namespacesOf(const DeclContext *DC) const {
  std::vector<const Decl *> Contexts;
  for (; DC && !isa<TranslationUnitDecl>(DC); DC = DC->getParent())
    if (isa<NamespaceDecl>(DC))
      Contexts.push_back(cast<Decl>(DC));
  std::reverse(Contexts.begin(), Contexts.end());
  return Contexts;
}

void Splitter::visitContext(const DeclContext *DC,
                            const std::vector<const Decl *> &Contexts) {
  std::vector<const VarDecl *> Group;
  auto FlushGroup = [&] {
    if (!Group.empty())
      moveGlobalVariables(Group, Contexts);
    Group.clear();
  };
  SourceLocation LastTagBegin;
  for (const Decl *D : DC->decls()) {
    if (D->isImplicit() || !isWrittenInMainFile(D))
      continue;
    // Declarations of one statement (`int a, b;`) share a start.
    if (!Group.empty() && D->getBeginLoc() != Group.front()->getBeginLoc())
      FlushGroup();
    if (isa<TagDecl>(D))
      LastTagBegin = D->getBeginLoc();

    if (const auto *NS = dyn_cast<NamespaceDecl>(D)) {
      // An anonymous namespace's entities have internal linkage: each unit
      // needs its own definition, so they stay whole in the header.
      if (NS->isAnonymousNamespace())
        continue;
      std::vector<const Decl *> Inner = Contexts;
      Inner.push_back(NS);
      visitContext(NS, Inner);
    } else if (const auto *Linkage = dyn_cast<LinkageSpecDecl>(D)) {
      std::vector<const Decl *> Inner = Contexts;
      Inner.push_back(Linkage);
      visitContext(Linkage, Inner);
    } else if (const auto *Record = dyn_cast<CXXRecordDecl>(D)) {
      visitRecord(Record, Contexts);
    } else if (const auto *Method = dyn_cast<CXXMethodDecl>(D)) {
      if (Method->isOutOfLine() && Method->doesThisDeclarationHaveABody())
        moveOutOfLineMember(Method, Contexts);
    } else if (const auto *Function = dyn_cast<FunctionDecl>(D)) {
      moveFreeFunction(Function, Contexts);
    } else if (const auto *Var = dyn_cast<VarDecl>(D)) {
      if (Var->isStaticDataMember()) {
        moveOutOfLineMember(Var, Contexts);
      } else if (Var->getBeginLoc() == LastTagBegin) {
        // `struct S { ... } s;`: the type stays in the header, and the
        // variable cannot be defined elsewhere without repeating it; it
        // stays whole in the header.
        continue;
      } else {
        Group.push_back(Var);
      }
    }
  }
  FlushGroup();
}

void Splitter::visitRecord(const CXXRecordDecl *Record,
                           const std::vector<const Decl *> &Contexts) {
  // Templates, their specializations and members, unnamed classes and
  // classes with internal linkage keep their member functions in the class.
  if (!Record->isThisDeclarationADefinition() || Record->isDependentContext() ||
      isa<ClassTemplateSpecializationDecl>(Record) ||
      Record->getDescribedClassTemplate() || hasInternalContext(Record))
    return;
  for (const DeclContext *DC = Record; isa<CXXRecordDecl>(DC);
       DC = DC->getParent())
    if (cast<CXXRecordDecl>(DC)->getName().empty())
      return;
  for (const Decl *D : Record->decls()) {
    if (D->isImplicit() || !isWrittenInMainFile(D))
      continue;
    if (const auto *Nested = dyn_cast<CXXRecordDecl>(D))
      visitRecord(Nested, Contexts);
    else if (const auto *Method = dyn_cast<CXXMethodDecl>(D))
      if (!staysInClass(Method))
        moveInClassMember(Method, namespacesOf(Record));
  }
}

bool Splitter::staysInClass(const CXXMethodDecl *Method) const {
  if (!Method->doesThisDeclarationHaveABody() || Method->isOutOfLine())
    return true;
  // Defaulted and deleted members, templates, constexpr members (needed in
  // every unit's constant expressions) and deduced return types (needed
  // before any call) stay where they are.
  if (Method->isExplicitlyDefaulted() || Method->isDeleted() ||
      Method->getDescribedFunctionTemplate() || Method->isConstexpr() ||
      Method->getReturnType()->getContainedDeducedType())
    return true;
  return false;
}

std::vector<RawToken> Splitter::lex(unsigned Begin, unsigned End) const {
  std::vector<RawToken> Tokens;
  Lexer Raw(SM.getLocForStartOfFile(MainID), LangOpts, Original.begin(),
            Original.begin() + Begin, Original.end());
  Token T;
  while (true) {
    bool AtEnd = Raw.LexFromRawLexer(T);
    unsigned TokBegin = offset(T.getLocation());
    if (T.is(tok::eof) || TokBegin >= End)
      break;
    unsigned TokEnd = TokBegin + T.getLength();
    Tokens.push_back(
        {T.getKind(), TokBegin, TokEnd, Original.slice(TokBegin, TokEnd)});
    if (AtEnd)
      break;
  }
  return Tokens;
}

unsigned Splitter::leadingAttributesEnd(ArrayRef<RawToken> Head,
                                        unsigned Name) const {
  size_t I = 0;
  auto SkipBalanced = [&](tok::TokenKind Open, tok::TokenKind Close) {
    int Depth = 0;
    for (; I != Head.size(); ++I) {
      Depth += Head[I].Kind == Open;
      Depth -= Head[I].Kind == Close;
      if (Depth == 0) {
        ++I;
        return;
      }
    }
  };
  while (I < Head.size()) {
    bool Attribute = Head[I].Kind == tok::l_square && I + 1 < Head.size() &&
                     Head[I + 1].Kind == tok::l_square;
    bool Call = (Head[I].is("__attribute__") || Head[I].is("alignas") ||
                 Head[I].is("__declspec")) &&
                I + 1 < Head.size() && Head[I + 1].Kind == tok::l_paren;
    if (Attribute) {
      SkipBalanced(tok::l_square, tok::r_square);
    } else if (Call) {
      ++I;
      SkipBalanced(tok::l_paren, tok::r_paren);
    } else {
      break;
    }
  }
  return I < Head.size() ? Head[I].Begin : Name;
}

unsigned Splitter::definitionStart(const FunctionDecl *Function) const {
  unsigned Start = offset(Function->getBody()->getBeginLoc());
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Function);
      Ctor && Function->getFunctionTypeLoc()) {
    // The `:` before the first written initializer.
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      if (!Init->isWritten())
        continue;
      unsigned From = offset(Function->getFunctionTypeLoc().getRParenLoc());
      unsigned InitBegin = offset(Init->getSourceRange().getBegin());
      for (const RawToken &T : lex(From, InitBegin))
        if (T.Kind == tok::colon)
          Start = std::min(Start, T.Begin);
      break;
    }
  }
  return Start;
}

void Splitter::copyExcept(std::vector<Piece> &Pieces, unsigned Begin,
                          unsigned End,
                          std::vector<std::pair<unsigned, unsigned>> Cut) {
  llvm::sort(Cut);
  for (auto [CutBegin, CutEnd] : Cut) {
    if (CutEnd <= Begin || CutBegin >= End)
      continue;
    if (CutBegin > Begin)
      Pieces.push_back({true, Begin, CutBegin, "", 0});
    Begin = std::max(Begin, CutEnd);
  }
  if (End > Begin)
    Pieces.push_back({true, Begin, End, "", 0});
}

std::vector<std::pair<unsigned, unsigned>>
Splitter::defaultArguments(const FunctionDecl *Function) const {
  std::vector<std::pair<unsigned, unsigned>> Ranges;
  for (const ParmVarDecl *Param : Function->parameters()) {
    if (!Param->hasDefaultArg() || Param->hasInheritedDefaultArg())
      continue;
    SourceRange Range = Param->getDefaultArgRange();
    unsigned ArgBegin = offset(Range.getBegin());
    // The `=` is the last token before the argument.
    unsigned From = offset(Param->getBeginLoc());
    unsigned Equal = ArgBegin;
    for (const RawToken &T : lex(From, ArgBegin))
      if (T.Kind == tok::equal)
        Equal = T.Begin;
    Ranges.push_back({backOverSpace(Equal), tokenEnd(Range.getEnd())});
  }
  return Ranges;
}

bool Splitter::returnTypeNeedsClassScope(const CXXMethodDecl *Method,
                                         SourceRange Return) const {
  // Before the qualified name, the return type is looked up in the
  // namespace: a name the class (or an enclosing class, or a base) declares
  // needs a trailing return type, which is looked up in the class.
  std::function<bool(const CXXRecordDecl *, DeclarationName)> Declares =
      [&](const CXXRecordDecl *Record, DeclarationName Name) {
        if (!Record || !Record->hasDefinition())
          return false;
        Record = Record->getDefinition();
        for (const NamedDecl *Found : Record->lookup(Name)) {
          // The class's own name is found at namespace scope too.
          const auto *Class = dyn_cast<CXXRecordDecl>(Found);
          if (!Class || !Class->isInjectedClassName())
            return true;
        }
        for (const CXXBaseSpecifier &Base : Record->bases())
          if (Declares(Base.getType()->getAsCXXRecordDecl(), Name))
            return true;
        return false;
      };
  std::vector<RawToken> Tokens =
      lex(offset(Return.getBegin()), tokenEnd(Return.getEnd()));
  for (size_t I = 0; I != Tokens.size(); ++I) {
    if (Tokens[I].Kind != tok::raw_identifier ||
        (I > 0 && Tokens[I - 1].Kind == tok::coloncolon))
      continue;
    DeclarationName Name(&Context.Idents.get(Tokens[I].Text));
    for (const DeclContext *DC = Method->getParent(); isa<CXXRecordDecl>(DC);
         DC = DC->getParent())
      if (Declares(cast<CXXRecordDecl>(DC), Name))
        return true;
  }
  return false;
}

/// The parts of an in-class member declaration a definition out of line
/// must not repeat: `static`, `virtual`, `explicit(...)`, `inline`, default
/// arguments, `override` and `final`, as ranges of the original text.
std::vector<std::pair<unsigned, unsigned>>
Splitter::inClassOnlyParts(const CXXMethodDecl *Method,
                           const std::vector<RawToken> &Head, unsigned Name,
                           unsigned RParen, unsigned Start) const {
  std::vector<std::pair<unsigned, unsigned>> Cut;
  for (size_t I = 0; I != Head.size(); ++I) {
    const RawToken &T = Head[I];
    if (!T.is("static") && !T.is("virtual") && !T.is("explicit") &&
        !T.is("inline"))
      continue;
    unsigned CutEnd = T.End;
    // explicit(condition)
    if (T.is("explicit") && I + 1 < Head.size() &&
        Head[I + 1].Kind == tok::l_paren) {
      int Depth = 0;
      for (size_t J = I + 1; J != Head.size(); ++J) {
        Depth += Head[J].Kind == tok::l_paren;
        Depth -= Head[J].Kind == tok::r_paren;
        if (Depth == 0) {
          CutEnd = Head[J].End;
          I = J;
          break;
        }
      }
    }
    while (CutEnd < Name && isSpace(Original[CutEnd]))
      ++CutEnd;
    Cut.push_back({T.Begin, CutEnd});
  }
  for (auto Range : defaultArguments(Method))
    Cut.push_back(Range);
  int Depth = 0;
  for (const RawToken &T : lex(RParen + 1, Start)) {
    Depth += T.Kind == tok::l_paren || T.Kind == tok::l_square ||
             T.Kind == tok::l_brace;
    Depth -= T.Kind == tok::r_paren || T.Kind == tok::r_square ||
             T.Kind == tok::r_brace;
    if (Depth == 0 && (T.is("override") || T.is("final")))
      Cut.push_back({backOverSpace(T.Begin), T.End});
  }
  return Cut;
}

void Splitter::moveInClassMember(const CXXMethodDecl *Method,
                                 const std::vector<const Decl *> &Contexts) {
  // A declaration through a typedef of a function type has no parameter
  // list to take apart.
  if (!Method->getFunctionTypeLoc())
    return;
  unsigned Begin = offset(Method->getBeginLoc());
  unsigned Name = offset(Method->getLocation());
  unsigned Start = definitionStart(Method);
  unsigned End = tokenEnd(Method->getEndLoc());
  unsigned RParen = offset(Method->getFunctionTypeLoc().getRParenLoc());

  SourceRange Return;
  bool TrailingReturn = false;
  if (!isa<CXXConstructorDecl, CXXDestructorDecl, CXXConversionDecl>(Method) &&
      !Method->getType()->castAs<FunctionProtoType>()->hasTrailingReturn()) {
    Return = Method->getReturnTypeSourceRange();
    // A return type written around the name (a function returning a
    // function pointer) cannot be moved apart from it: keep the member.
    if (Return.isInvalid() || offset(Return.getBegin()) < Begin ||
        tokenEnd(Return.getEnd()) > Name)
      return;
    TrailingReturn = returnTypeNeedsClassScope(Method, Return);
  }

  // The header keeps the declaration: everything up to the body (or the
  // constructor's initializers), with the default arguments.
  removeFromHeader(backOverSpace(Start), End, ";");

  // The definition: the specifiers only a declaration in the class may have
  // are dropped, the name is qualified, default arguments and virt-specifiers
  // are dropped, and the rest is copied.
  std::vector<RawToken> Head = lex(Begin, Name);
  std::vector<std::pair<unsigned, unsigned>> Cut =
      inClassOnlyParts(Method, Head, Name, RParen, Start);

  std::string Qualifier;
  for (const DeclContext *DC = Method->getParent(); isa<CXXRecordDecl>(DC);
       DC = DC->getParent())
    Qualifier = (cast<CXXRecordDecl>(DC)->getName() + "::" + Qualifier).str();

  // Leading attributes stay on the declaration in the class (Clang 19's
  // declaration range leaves them out, Clang 22's takes them in).
  Begin = leadingAttributesEnd(Head, Name);
  MovedDefinition Moved{Contexts, {}, Begin};
  std::vector<Piece> &Pieces = Moved.Pieces;
  std::string TrailingType;
  if (TrailingReturn) {
    // What precedes the name, less the dropped specifiers, is the return
    // type (with its cv-qualifiers, which getReturnTypeSourceRange leaves
    // out): `auto` takes its place and it follows the parameters.
    Pieces.push_back({false, 0, 0, "auto ", Begin});
    std::vector<Piece> ReturnPieces;
    copyExcept(ReturnPieces, Begin, Name, Cut);
    for (const Piece &P : ReturnPieces)
      TrailingType += Original.slice(P.Begin, P.End);
    SmallVector<StringRef> Words;
    SplitString(TrailingType, Words);
    TrailingType = " -> " + join(Words, " ");
  } else {
    copyExcept(Pieces, Begin, Name, Cut);
  }
  Pieces.push_back({false, 0, 0, Qualifier, Name});
  unsigned SignatureEnd = backOverSpace(Start);
  copyExcept(Pieces, Name, SignatureEnd, Cut);
  if (TrailingReturn)
    Pieces.push_back({false, 0, 0, TrailingType, SignatureEnd});
  Pieces.push_back({true, SignatureEnd, withTrailingComment(End), "", 0});
  Members.push_back(std::move(Moved));
}

void Splitter::moveFreeFunction(const FunctionDecl *Function,
                                const std::vector<const Decl *> &Contexts) {
  // Inline and constexpr functions, deduced return types and internal
  // linkage need the definition in every unit; templates and their
  // specializations are headers' business.
  if (!Function->doesThisDeclarationHaveABody() ||
      Function->isInlineSpecified() || Function->isConstexpr() ||
      !Function->isExternallyVisible() || hasInternalContext(Function) ||
      Function->getDescribedFunctionTemplate() ||
      Function->getTemplateSpecializationKind() != TSK_Undeclared ||
      Function->getReturnType()->getContainedDeducedType() ||
      Function->isDefaulted() || Function->isDeleted() ||
      Function->getFriendObjectKind() != Decl::FOK_None)
    return;
  unsigned Begin = offset(Function->getBeginLoc());
  unsigned Start = definitionStart(Function);
  unsigned End = tokenEnd(Function->getEndLoc());
  removeFromHeader(backOverSpace(Start), End, ";");
  // Leading attributes stay on the declaration in the header, as for
  // members.
  unsigned Name = offset(Function->getLocation());
  Begin = leadingAttributesEnd(lex(Begin, Name), Name);
  MovedDefinition Moved{Contexts, {}, Begin};
  copyExcept(Moved.Pieces, Begin, withTrailingComment(End),
             defaultArguments(Function));
  Rest.push_back(std::move(Moved));
}

void Splitter::moveOutOfLineMember(const Decl *D,
                                   const std::vector<const Decl *> &Contexts) {
  const auto *Record = dyn_cast<CXXRecordDecl>(D->getDeclContext());
  if (!Record || Record->isDependentContext() ||
      isa<ClassTemplateSpecializationDecl>(Record) || hasInternalContext(D))
    return;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(D)) {
    if (Method->isInlineSpecified() || Method->isConstexpr() ||
        Method->getDescribedFunctionTemplate() ||
        Method->getTemplateSpecializationKind() != TSK_Undeclared)
      return;
    // Default arguments added by an out-of-line definition would be lost to
    // the other units.
    for (const ParmVarDecl *Param : Method->parameters())
      if (Param->hasDefaultArg() && !Param->hasInheritedDefaultArg())
        return Refused.refuse(
            "line " + Twine(SM.getExpansionLineNumber(Method->getLocation())) +
            ": an out-of-line member definition adds default arguments");
  } else {
    const auto *Var = cast<VarDecl>(D);
    if (Var->isInline() || Var->isConstexpr() ||
        Var->getDescribedVarTemplate() ||
        Var->isThisDeclarationADefinition() != VarDecl::Definition)
      return;
  }
  unsigned Begin = offset(D->getBeginLoc());
  unsigned End = tokenEnd(D->getEndLoc());
  // A variable's `;`.
  if (isa<VarDecl>(D)) {
    std::vector<RawToken> After = lex(End, Original.size());
    if (!After.empty() && After.front().Kind == tok::semi)
      End = After.front().End;
  }
  removeFromHeader(Begin, End, "");
  MovedDefinition Moved{Contexts, {}, Begin};
  Moved.Pieces.push_back({true, Begin, withTrailingComment(End), "", 0});
  Members.push_back(std::move(Moved));
}

void Splitter::moveGlobalVariables(ArrayRef<const VarDecl *> Group,
                                   const std::vector<const Decl *> &Contexts) {
  for (const VarDecl *Var : Group) {
    // Constants and internal linkage stay whole in the header (each unit
    // has its own); so do inline variables and deduced types, which need
    // the initializer.
    if (Var->isThisDeclarationADefinition() != VarDecl::Definition ||
        !Var->isExternallyVisible() || hasInternalContext(Var) ||
        Var->isInline() || Var->isConstexpr() ||
        Var->getDescribedVarTemplate() || Var->isStaticDataMember() ||
        Var->getType()->getContainedDeducedType() ||
        Var->getStorageClass() != SC_None)
      return;
  }
  unsigned Begin = offset(Group.front()->getBeginLoc());
  unsigned End = tokenEnd(Group.back()->getEndLoc());
  std::vector<RawToken> After = lex(End, Original.size());
  if (After.empty() || After.front().Kind != tok::semi)
    return;
  End = After.front().End;

  // The header declares them extern, without their initializers.
  HeaderEdits[Begin] = {Begin, "extern "};
  for (const VarDecl *Var : Group) {
    if (!Var->hasInit())
      continue;
    unsigned NameEnd = tokenEnd(Var->getLocation());
    unsigned TypeEnd =
        Var->getTypeSourceInfo()
            ? tokenEnd(Var->getTypeSourceInfo()->getTypeLoc().getEndLoc())
            : NameEnd;
    unsigned DeclaratorEnd = std::max(NameEnd, TypeEnd);
    unsigned InitEnd = tokenEnd(Var->getEndLoc());
    if (InitEnd > DeclaratorEnd)
      HeaderEdits[DeclaratorEnd] = {InitEnd, ""};
  }
  MovedDefinition Moved{Contexts, {}, Begin};
  Moved.Pieces.push_back({true, Begin, withTrailingComment(End), "", 0});
  Rest.push_back(std::move(Moved));
}

void Splitter::checkMacros() {
  // A macro defined after the start of a moved definition would now be
  // seen by it.
  unsigned FirstMoved = Original.size();
  for (const auto *List : {&Members, &Rest})
    for (const MovedDefinition &M : *List)
      FirstMoved = std::min(FirstMoved, M.Begin);
  for (unsigned Defined : MacroDefinitions)
    if (Defined > FirstMoved)
      Refused.refuse("line " +
                     Twine(std::upper_bound(LineStarts.begin(),
                                            LineStarts.end(), Defined) -
                           LineStarts.begin()) +
                     ": a macro defined after a definition that moves "
                     "below the header");
}

void Splitter::checkNolintRegions() {
  // NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND work on lines of a file: a
  // moved definition must take its whole region with it.
  std::vector<std::pair<unsigned, unsigned>> MovedRanges;
  for (const auto *List : {&Members, &Rest})
    for (const MovedDefinition &M : *List)
      for (const Piece &P : M.Pieces)
        if (P.IsCopy)
          MovedRanges.push_back({P.Begin, P.End});
  auto InsideMoved = [&](unsigned Offset) {
    for (auto [Begin, End] : MovedRanges)
      if (Offset >= Begin && Offset < End)
        return true;
    return false;
  };
  for (StringRef Marker : {"NOLINTNEXTLINE", "NOLINTBEGIN", "NOLINTEND"}) {
    for (size_t At = Original.find(Marker); At != StringRef::npos;
         At = Original.find(Marker, At + 1)) {
      if (InsideMoved(At))
        continue;
      // A marker outside the moved text must not apply to any of it.
      size_t LineEnd = Original.find('\n', At);
      size_t NextLineEnd = LineEnd == StringRef::npos
                               ? StringRef::npos
                               : Original.find('\n', LineEnd + 1);
      bool Covers = false;
      if (Marker == "NOLINTNEXTLINE") {
        for (auto [Begin, End] : MovedRanges)
          Covers |= LineEnd != StringRef::npos && Begin < NextLineEnd &&
                    End > LineEnd;
      } else if (Marker == "NOLINTBEGIN") {
        size_t Close = Original.find("NOLINTEND", At);
        for (auto [Begin, End] : MovedRanges)
          Covers |= Begin > At && Begin < Close;
      }
      if (Covers)
        Refused.refuse(
            "line " +
            Twine(std::upper_bound(LineStarts.begin(), LineStarts.end(), At) -
                  LineStarts.begin()) +
            ": a " + Marker +
            " comment applies to a definition that moves to another file");
    }
  }
}

void Splitter::emit(OutputFile &Out,
                    ArrayRef<MovedDefinition> Definitions) const {
  std::vector<const Decl *> Open;
  auto Close = [&](size_t Keep) {
    while (Open.size() > Keep) {
      Out.write("}\n", std::nullopt);
      Open.pop_back();
    }
  };
  for (const MovedDefinition &M : Definitions) {
    size_t Common = 0;
    while (Common < Open.size() && Common < M.Contexts.size() &&
           Open[Common] == M.Contexts[Common])
      ++Common;
    Close(Common);
    for (size_t I = Common; I < M.Contexts.size(); ++I) {
      const Decl *Context = M.Contexts[I];
      unsigned Anchor = offset(Context->getLocation());
      if (const auto *NS = dyn_cast<NamespaceDecl>(Context))
        Out.write((NS->isInline() ? "inline namespace " : "namespace ") +
                      NS->getName().str() + " {\n",
                  Anchor);
      else
        Out.write(cast<LinkageSpecDecl>(Context)->getLanguage() ==
                          LinkageSpecLanguageIDs::C
                      ? "extern \"C\" {\n"
                      : "extern \"C++\" {\n",
                  Anchor);
      Open.push_back(Context);
    }
    for (const Piece &P : M.Pieces) {
      if (P.IsCopy)
        Out.copy(P.Begin, P.End);
      else
        Out.write(P.Text, P.Anchor);
    }
    Out.write("\n\n", std::nullopt);
  }
  Close(0);
}

bool Splitter::write(StringRef OutDir, StringRef Name, StringRef Compiler,
                     ArrayRef<std::string> Flags, StringRef OriginalPath) {
  std::string Header = (Name + ".h").str();
  std::string MembersFile = (Name + "_members.cpp").str();
  std::string RestFile = (Name + "_rest.cpp").str();

  OutputFile H(Original, LineStarts);
  H.write("#pragma once\n", std::nullopt);
  unsigned At = 0;
  for (const auto &[Begin, Edit] : HeaderEdits) {
    H.copy(At, Begin);
    H.write(Edit.second, Begin);
    At = std::max(At, Edit.first);
  }
  H.copy(At, Original.size());

  auto ByOrder = [](const MovedDefinition &A, const MovedDefinition &B) {
    return A.Begin < B.Begin;
  };
  llvm::sort(Members, ByOrder);
  llvm::sort(Rest, ByOrder);
  std::string Include = "#include \"" + Header + "\"\n\n";
  OutputFile M(Original, LineStarts), R(Original, LineStarts);
  M.write(Include, std::nullopt);
  emit(M, Members);
  R.write(Include, std::nullopt);
  emit(R, Rest);

  auto WriteFile = [&](StringRef File, StringRef Text) {
    SmallString<256> Path(OutDir);
    sys::path::append(Path, File);
    std::error_code EC;
    raw_fd_ostream OS(Path, EC);
    if (EC) {
      errs() << "pincheck-split: cannot write '" << Path
             << "': " << EC.message() << "\n";
      return false;
    }
    OS << Text;
    return true;
  };

  json::Object Files;
  Files[Header] = H.lineMap();
  Files[MembersFile] = M.lineMap();
  Files[RestFile] = R.lineMap();
  json::Object LineMap{{"version", 1},
                       {"original", OriginalPath.str()},
                       {"files", std::move(Files)}};

  // The original's directory stays on the quoted-include path, where the
  // original found its own includes.
  json::Array Commands;
  for (StringRef File : {MembersFile, RestFile}) {
    json::Array Arguments{Compiler.str()};
    for (const std::string &Flag : Flags)
      Arguments.push_back(Flag);
    Arguments.push_back("-iquote");
    Arguments.push_back(sys::path::parent_path(OriginalPath).str());
    Arguments.push_back("-c");
    Arguments.push_back(File.str());
    Commands.push_back(json::Object{{"directory", OutDir.str()},
                                    {"file", File.str()},
                                    {"arguments", std::move(Arguments)}});
  }

  std::string MapText, CommandsText;
  raw_string_ostream(MapText)
      << formatv("{0:2}", json::Value(std::move(LineMap)));
  raw_string_ostream(CommandsText)
      << formatv("{0:2}", json::Value(std::move(Commands)));
  return WriteFile(Header, H.text()) && WriteFile(MembersFile, M.text()) &&
         WriteFile(RestFile, R.text()) &&
         WriteFile("linemap.json", MapText + "\n") &&
         WriteFile("compile_commands.json", CommandsText + "\n");
}

/// Parses the file, then splits it at the end of the translation unit.
class SplitAction : public ASTFrontendAction {
public:
  SplitAction(std::function<void(ASTContext &, ArrayRef<unsigned>)> Done,
              Refusal &Refused)
      : Done(std::move(Done)), Refused(Refused) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    CI.getPreprocessor().addPPCallbacks(std::make_unique<MacroRecorder>(
        CI.getSourceManager(), MacroDefinitions, Refused));
    // Only the main file's bodies matter: the included files' are skipped,
    // as clangd does for its preamble (Sema keeps constexpr bodies and
    // deduced return types), which saves a third of the parse.
    CI.getFrontendOpts().SkipFunctionBodies = true;
    struct Consumer : ASTConsumer {
      SplitAction &Action;
      CompilerInstance &CI;
      Consumer(SplitAction &Action, CompilerInstance &CI)
          : Action(Action), CI(CI) {}
      bool shouldSkipFunctionBody(Decl *D) override {
        const SourceManager &SM = CI.getSourceManager();
        return !SM.isInMainFile(SM.getExpansionLoc(D->getLocation()));
      }
      void HandleTranslationUnit(ASTContext &Context) override {
        if (!CI.getDiagnostics().hasErrorOccurred())
          Action.Done(Context, Action.MacroDefinitions);
      }
    };
    return std::make_unique<Consumer>(*this, CI);
  }

private:
  std::function<void(ASTContext &, ArrayRef<unsigned>)> Done;
  Refusal &Refused;
  std::vector<unsigned> MacroDefinitions;
};

class SplitActionFactory : public tooling::FrontendActionFactory {
public:
  SplitActionFactory(std::function<void(ASTContext &, ArrayRef<unsigned>)> Done,
                     Refusal &Refused)
      : Done(std::move(Done)), Refused(Refused) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<SplitAction>(Done, Refused);
  }

private:
  std::function<void(ASTContext &, ArrayRef<unsigned>)> Done;
  Refusal &Refused;
};

int usage() {
  errs() << "usage: pincheck-split --out-dir=DIR [--compiler=CLANGXX] FILE "
            "-- FLAGS...\n";
  return UsageOrCompileError;
}

} // namespace

int main(int Argc, const char **Argv) {
  std::string OutDir, Compiler = "clang++", File;
  std::vector<std::string> Flags;
  for (int I = 1; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    if (Arg == "--") {
      Flags.assign(Argv + I + 1, Argv + Argc);
      break;
    }
    if (Arg.consume_front("--out-dir="))
      OutDir = Arg.str();
    else if (Arg.consume_front("--compiler="))
      Compiler = Arg.str();
    else if (Arg.starts_with("-") || !File.empty())
      return usage();
    else
      File = Arg.str();
  }
  if (OutDir.empty() || File.empty())
    return usage();

  SmallString<256> AbsFile(File), AbsOut(OutDir);
  sys::fs::make_absolute(AbsFile);
  sys::fs::make_absolute(AbsOut);
  if (std::error_code EC = sys::fs::create_directories(AbsOut)) {
    errs() << "pincheck-split: cannot create '" << AbsOut
           << "': " << EC.message() << "\n";
    return UsageOrCompileError;
  }
  StringRef Name = sys::path::stem(AbsFile);

  Refusal Refused;
  bool Parsed = false, Written = false;
  tooling::FixedCompilationDatabase Database(".", Flags);
  tooling::ClangTool Tool(Database, {std::string(AbsFile)});
  SplitActionFactory Factory(
      [&](ASTContext &Context, ArrayRef<unsigned> Macros) {
        Parsed = true;
        Splitter S(Context, Refused, Macros);
        S.run();
        if (!Refused.reason())
          Written = S.write(AbsOut, Name, Compiler, Flags, AbsFile);
      },
      Refused);
  if (Tool.run(&Factory) != 0 || !Parsed) {
    errs() << "pincheck-split: '" << File << "' does not compile\n";
    return UsageOrCompileError;
  }
  if (Refused.reason()) {
    outs() << "pincheck-split: cannot split '" << File
           << "': " << *Refused.reason() << "\n";
    return CannotSplit;
  }
  return Written ? Split : UsageOrCompileError;
}
