//===--- MergeReports.cpp - One report from the shards' reports -----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "MergeReports.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <map>
#include <tuple>

using namespace llvm;

namespace pincheck {

namespace {
enum class Kind { Unknown, Report, Sarif, Baseline };

StringRef kindName(Kind K) {
  switch (K) {
  case Kind::Report:
    return "JSON report";
  case Kind::Sarif:
    return "SARIF log";
  case Kind::Baseline:
  case Kind::Unknown:
    return "baseline";
  }
  llvm_unreachable("unknown kind");
}

struct Input {
  std::string Path;
  json::Object Root;
  Kind TheKind = Kind::Unknown;
};

Error inputError(StringRef Path, const Twine &Why) {
  return createStringError(inconvertibleErrorCode(),
                           "invalid --merge-reports '" + Path + "': " + Why);
}

/// A report's findings have positions, a baseline's do not; an empty one
/// may be either.
Kind kindOf(const json::Object &Root) {
  if (Root.getArray("runs"))
    return Kind::Sarif;
  const json::Array *Findings = Root.getArray("findings");
  if (!Findings || Findings->empty())
    return Kind::Unknown;
  const json::Object *First = (*Findings)[0].getAsObject();
  return First && First->get("line") ? Kind::Report : Kind::Baseline;
}

Expected<Input> readInput(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return inputError(Path, Buffer.getError().message());
  Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return inputError(Path, "not JSON: " + toString(Parsed.takeError()));
  json::Object *Root = Parsed->getAsObject();
  if (!Root || (!Root->getArray("runs") && !Root->getArray("findings")))
    return inputError(Path, "neither a pincheck report, a SARIF log nor a "
                            "baseline");
  Input Result{Path.str(), std::move(*Root), Kind::Unknown};
  Result.TheKind = kindOf(Result.Root);
  if (Result.TheKind == Kind::Sarif) {
    const json::Array *Runs = Result.Root.getArray("runs");
    if (Runs->size() != 1 || !(*Runs)[0].getAsObject() ||
        !(*Runs)[0].getAsObject()->getArray("results"))
      return inputError(Path, "a SARIF log of pincheck has one run with "
                              "results");
  }
  return Result;
}

std::string text(const json::Value &V) {
  std::string S;
  raw_string_ostream(S) << V;
  return S;
}

/// Findings as a multiset: per shard the count of each, and over the shards
/// the largest count (a header's findings come whole from each shard that
/// includes it).
class FindingSet {
public:
  void addShard(const json::Array &Items,
                function_ref<json::Value(const json::Value &)> Key) {
    std::map<std::string, unsigned> Counts;
    for (const json::Value &Item : Items) {
      std::string K = text(Key(Item));
      const unsigned Count = ++Counts[K];
      auto It = Most.find(K);
      if (It == Most.end())
        Most.emplace(K, std::make_pair(Count, Item));
      else if (Count > It->second.first)
        It->second.first = Count;
    }
  }
  /// Each finding as often as one shard had it, sorted by `Less`.
  json::Array
  take(function_ref<bool(const json::Value &, const json::Value &)> Less) {
    std::vector<json::Value> All;
    for (auto &[Key, Entry] : Most)
      for (unsigned I = 0; I < Entry.first; ++I)
        All.push_back(Entry.second);
    std::stable_sort(All.begin(), All.end(), Less);
    return json::Array(std::move(All));
  }

private:
  std::map<std::string, std::pair<unsigned, json::Value>> Most;
};

StringRef str(const json::Object *O, StringRef Key) {
  if (!O)
    return "";
  std::optional<StringRef> S = O->getString(Key);
  return S ? *S : "";
}
int64_t num(const json::Object *O, StringRef Key) {
  if (!O)
    return 0;
  std::optional<int64_t> N = O->getInteger(Key);
  return N ? *N : 0;
}

json::Object mergeFindingsFiles(std::vector<Input> &Inputs, Kind K) {
  FindingSet Set;
  for (Input &In : Inputs)
    if (const json::Array *Findings = In.Root.getArray("findings"))
      Set.addShard(*Findings, [](const json::Value &V) { return V; });
  json::Object Root = std::move(Inputs.front().Root);
  Root["findings"] = Set.take([K](const json::Value &A, const json::Value &B) {
    const json::Object *X = A.getAsObject(), *Y = B.getAsObject();
    if (K == Kind::Report)
      return std::make_tuple(str(X, "file"), num(X, "line"), num(X, "column"),
                             str(X, "check"), str(X, "message")) <
             std::make_tuple(str(Y, "file"), num(Y, "line"), num(Y, "column"),
                             str(Y, "check"), str(Y, "message"));
    return std::make_tuple(str(X, "check"), str(X, "file"),
                           str(X, "fingerprint")) <
           std::make_tuple(str(Y, "check"), str(Y, "file"),
                           str(Y, "fingerprint"));
  });
  return Root;
}

/// The first physical location of a SARIF result, for sorting.
std::tuple<StringRef, int64_t, int64_t> sarifPlace(const json::Value &V) {
  const json::Object *Result = V.getAsObject();
  const json::Array *Locations =
      Result ? Result->getArray("locations") : nullptr;
  if (!Locations || Locations->empty())
    return {"", 0, 0};
  const json::Object *Location = (*Locations)[0].getAsObject();
  const json::Object *Physical =
      Location ? Location->getObject("physicalLocation") : nullptr;
  const json::Object *Artifact =
      Physical ? Physical->getObject("artifactLocation") : nullptr;
  const json::Object *Region =
      Physical ? Physical->getObject("region") : nullptr;
  return {str(Artifact, "uri"), num(Region, "startLine"),
          num(Region, "startColumn")};
}

Expected<json::Object> mergeSarif(std::vector<Input> &Inputs) {
  auto RunOf = [](Input &In) {
    return (*In.Root.getArray("runs"))[0].getAsObject();
  };
  const json::Value *Base = RunOf(Inputs.front())->get("originalUriBaseIds");
  // Rules by id, in order of first appearance; results re-indexed.
  json::Array Rules;
  StringMap<unsigned> RuleIndex;
  FindingSet Set;
  for (Input &In : Inputs) {
    json::Object *Run = RunOf(In);
    const json::Value *ThisBase = Run->get("originalUriBaseIds");
    if ((Base == nullptr) != (ThisBase == nullptr) ||
        (Base && text(*Base) != text(*ThisBase)))
      return inputError(In.Path,
                        "its %SRCROOT% differs from the first "
                        "log's: run the shards with one --source-root");
    const json::Object *Tool = Run->getObject("tool");
    const json::Object *Driver = Tool ? Tool->getObject("driver") : nullptr;
    const json::Array *ShardRules =
        Driver ? Driver->getArray("rules") : nullptr;
    json::Array Results;
    for (json::Value &Result : *Run->getArray("results")) {
      json::Object *R = Result.getAsObject();
      if (!R)
        continue;
      StringRef Id = str(R, "ruleId");
      if (!RuleIndex.count(Id)) {
        RuleIndex[Id] = Rules.size();
        json::Value Rule = json::Object{{"id", Id}};
        if (ShardRules)
          for (const json::Value &Candidate : *ShardRules)
            if (str(Candidate.getAsObject(), "id") == Id)
              Rule = Candidate;
        Rules.push_back(std::move(Rule));
      }
      (*R)["ruleIndex"] = RuleIndex[Id];
      Results.push_back(std::move(Result));
    }
    Set.addShard(Results, [](const json::Value &V) { return V; });
  }
  json::Object Root = std::move(Inputs.front().Root);
  json::Object *Run = (*Root.getArray("runs"))[0].getAsObject();
  (*Run)["results"] = Set.take([](const json::Value &A, const json::Value &B) {
    return std::make_tuple(sarifPlace(A), str(A.getAsObject(), "ruleId")) <
           std::make_tuple(sarifPlace(B), str(B.getAsObject(), "ruleId"));
  });
  if (json::Object *Tool = Run->getObject("tool"))
    if (json::Object *Driver = Tool->getObject("driver"))
      (*Driver)["rules"] = std::move(Rules);
  return Root;
}
} // namespace

Expected<MergedReport> mergeReports(ArrayRef<std::string> Paths,
                                    StringRef Output) {
  std::vector<Input> Inputs;
  Kind Merged = Kind::Unknown;
  for (const std::string &Path : Paths) {
    Expected<Input> In = readInput(Path);
    if (!In)
      return In.takeError();
    if (In->TheKind != Kind::Unknown) {
      if (Merged != Kind::Unknown && Merged != In->TheKind)
        return inputError(Path, "a " + kindName(In->TheKind) +
                                    ", but the first was a " +
                                    kindName(Merged));
      Merged = In->TheKind;
    }
    Inputs.push_back(std::move(*In));
  }
  // An empty report and an empty baseline look alike; a SARIF log does not.
  if (Merged != Kind::Sarif)
    for (const Input &In : Inputs)
      if (In.TheKind == Kind::Sarif)
        return inputError(In.Path, "a SARIF log, but the others are not");
  json::Object Root;
  if (Merged == Kind::Sarif) {
    Expected<json::Object> Sarif = mergeSarif(Inputs);
    if (!Sarif)
      return Sarif.takeError();
    Root = std::move(*Sarif);
  } else {
    Root = mergeFindingsFiles(Inputs, Merged);
  }
  MergedReport Result;
  Result.Kind = kindName(Merged).str();
  if (const json::Array *Findings = Root.getArray("findings"))
    Result.Findings = Findings->size();
  else
    Result.Findings =
        (*Root.getArray("runs"))[0].getAsObject()->getArray("results")->size();
  json::Value Value(std::move(Root));
  auto Write = [&](raw_ostream &OS) {
    OS << formatv("{0:2}", Value) << "\n";
    return Error::success();
  };
  if (Output.empty() || Output == "-") {
    if (Error E = Write(outs()))
      return std::move(E);
    outs().flush();
  } else if (Error E = writeToOutput(Output, Write)) {
    return createStringError(inconvertibleErrorCode(),
                             "cannot write --output '" + Output +
                                 "': " + toString(std::move(E)));
  }
  return Result;
}

} // namespace pincheck
