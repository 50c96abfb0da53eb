//===--- Facts.h - What a translation unit defines, for the others --------===//
//
// Part of pincheck. Whole-program analysis (docs/model.md, "Whole-program
// analysis"): each translation unit summarises the functions it defines
// into facts, typed and free of words, keyed by the functions' USRs; a unit
// that calls or declares such a function without seeing its body asks the
// facts instead. The same answers the model computes from a visible body,
// so one unit and the whole program are judged alike.
//
// A fact records only what differs from what the model assumes of a body
// out of sight (nothing pins, nothing is kept, a special member is fine),
// so a function with nothing to say has no fact at all.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_MODEL_FACTS_H
#define PINCHECK_MODEL_FACTS_H

#include "Model/AddressOrigin.h"
#include "Model/Causes.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CXXRecordDecl;
class Decl;
class FunctionDecl;
} // namespace clang

namespace pincheck {

class PinAnalysis;

/// The version of the facts' format; a store of another version is rebuilt.
inline constexpr unsigned FactsVersion = 2;

/// A member of the object given an address derived from that same object.
struct WriteFact {
  /// The member, by name (looked up in the class and its bases).
  std::string Field;
  AddressOrigin Origin;
  /// The member whose storage the address targets, by name; empty for the
  /// object itself (`Origin.Member` is null in facts).
  std::string OriginMember;
  FactSite At;
};

/// The object's address (or a member's) handed out.
struct EscapeFact {
  EscapeSink Sink;
  /// The member whose address escapes; empty for the object's.
  std::string Member;
  /// Why the function it is given keeps it.
  std::shared_ptr<const PinCause> Kept;
  FactSite At;
};

/// What one function defined in a translation unit does, as far as it
/// differs from the model's assumptions about a body out of sight.
struct FunctionFacts {
  /// The qualified name, for the notes.
  std::string Name;
  FactSite Definition;
  /// Calling it pins `*this` (a member function).
  std::shared_ptr<const PinCause> PinsThis;
  /// The parameters that keep their argument's address, and why.
  std::map<unsigned, std::shared_ptr<const PinCause>> PinsArgument;
  /// Of those, the ones a constructor keeps only in the object it builds.
  std::set<unsigned> KeptInObject;
  /// The parameters that keep a callable they are given, and why.
  std::map<unsigned, std::shared_ptr<const PinCause>> KeepsCallable;
  /// `const` references to a type-erased callable that the body does not
  /// keep (out of sight, one is assumed kept).
  std::set<unsigned> CallableNotKept;
  /// Reference or pointer parameters of a constructor that the body does
  /// not keep (out of sight, a constructor is assumed to keep them).
  std::set<unsigned> ArgumentNotKept;
  /// Members of `*this` it points into the object (a constructor or member
  /// function).
  std::vector<WriteFact> Writes;
  /// Addresses of the object it hands out.
  std::vector<EscapeFact> Escapes;
  /// A user-written copy or move: the members it copies verbatim from the
  /// source without re-seating them.
  std::vector<std::pair<std::string, FactSite>> VerbatimCopies;
  /// A "copy" that takes the source's buffers (auto_ptr-like).
  bool TransfersOwnership = false;

  /// Nothing to say: the model's assumptions hold.
  bool isEmpty() const;
};

/// The facts one translation unit contributes.
struct UnitFacts {
  /// By key (`factKeyOf`), the functions it defines.
  std::map<std::string, FunctionFacts> Functions;
  /// By the class's key, writes that functions of other classes make into
  /// an object of it through a variable (`t.parts.push_back(...)`).
  std::map<std::string, std::vector<WriteFact>> ForeignWrites;
};

/// Where the model finds the facts of other translation units.
class FactSource {
public:
  virtual ~FactSource();
  /// The facts of a function whose body this unit does not see; null if
  /// there are none (nothing to say, or not known).
  virtual const FunctionFacts *factsOf(const clang::FunctionDecl *Function) = 0;
  /// The writes into objects of `Record` made in other units.
  virtual std::vector<WriteFact>
  foreignWritesInto(const clang::CXXRecordDecl *Record) = 0;
};

/// The USR that identifies a declaration across translation units; empty
/// when it has none (a local or unnamed entity).
std::string usrOf(const clang::Decl *D);

/// The key facts are stored under: a 64-bit hash of the USR, in hex (USRs
/// of templates run to hundreds of characters).
std::string factKeyOf(llvm::StringRef USR);
std::string factKeyOf(const clang::Decl *D);

/// A digest of a function's facts, or of a list of writes: what a unit that
/// consulted them remembers, to know when they change. Zero for none.
uint64_t digestOf(const FunctionFacts *Facts);
uint64_t digestOf(const std::vector<WriteFact> &Writes);

/// A source location as a site: file, line and column.
FactSite siteOf(clang::SourceLocation Loc, const clang::SourceManager &SM);

/// Summarises the functions defined in the main file of the unit (not its
/// headers, whose definitions every unit that includes them sees).
UnitFacts extractFacts(clang::ASTContext &Context, PinAnalysis &Analysis);

// Serialised with llvm::json, in the manner of clangd's protocol types.
llvm::json::Value toJSON(const PinCause &Cause);
bool fromJSON(const llvm::json::Value &Value,
              std::shared_ptr<const PinCause> &Cause, llvm::json::Path Path);
llvm::json::Value toJSON(const FunctionFacts &Facts);
bool fromJSON(const llvm::json::Value &Value, FunctionFacts &Facts,
              llvm::json::Path Path);
llvm::json::Value toJSON(const UnitFacts &Facts);
bool fromJSON(const llvm::json::Value &Value, UnitFacts &Facts,
              llvm::json::Path Path);

} // namespace pincheck

#endif // PINCHECK_MODEL_FACTS_H
