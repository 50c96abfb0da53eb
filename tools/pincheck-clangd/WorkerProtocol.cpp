//===--- WorkerProtocol.cpp - Analyses as JSON, between processes ---------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "WorkerProtocol.h"

using namespace clang;
using namespace llvm;

namespace pincheck {

// The parts' toJSON and fromJSON are found by llvm::json's templates
// through argument-dependent lookup, except CompileCommand's (which is not
// in this namespace): those are called by name.
static json::Value toJSON(const tooling::CompileCommand &Command) {
  return json::Object{{"directory", Command.Directory},
                      {"file", Command.Filename},
                      {"arguments", Command.CommandLine},
                      {"output", Command.Output}};
}

static bool fromJSON(const json::Value &Value, tooling::CompileCommand &Command,
                     json::Path Path) {
  json::ObjectMapper O(Value, Path);
  return O && O.map("directory", Command.Directory) &&
         O.map("file", Command.Filename) &&
         O.map("arguments", Command.CommandLine) &&
         O.map("output", Command.Output);
}

static json::Value toJSON(const FileSpan &Span) {
  return json::Object{
      {"file", Span.File}, {"offset", Span.Offset}, {"length", Span.Length}};
}

static bool fromJSON(const json::Value &Value, FileSpan &Span,
                     json::Path Path) {
  // uint64_t: LLVM 19's JSON has no fromJSON for unsigned.
  uint64_t Offset, Length;
  json::ObjectMapper O(Value, Path);
  if (!O || !O.map("file", Span.File) || !O.map("offset", Offset) ||
      !O.map("length", Length))
    return false;
  Span.Offset = static_cast<unsigned>(Offset);
  Span.Length = static_cast<unsigned>(Length);
  return true;
}

static json::Value toJSON(const TextEdit &Edit) {
  return json::Object{{"replaced", Edit.Replaced}, {"newText", Edit.NewText}};
}

static bool fromJSON(const json::Value &Value, TextEdit &Edit,
                     json::Path Path) {
  json::ObjectMapper O(Value, Path);
  return O && O.map("replaced", Edit.Replaced) &&
         O.map("newText", Edit.NewText);
}

static json::Value toJSON(const FindingNote &Note) {
  return json::Object{
      {"message", Note.Message}, {"at", Note.At}, {"fix", Note.Fix}};
}

static bool fromJSON(const json::Value &Value, FindingNote &Note,
                     json::Path Path) {
  json::ObjectMapper O(Value, Path);
  return O && O.map("message", Note.Message) && O.map("at", Note.At) &&
         O.map("fix", Note.Fix);
}

static json::Value toJSON(const DocumentFinding &Found) {
  return json::Object{{"check", Found.Check},     {"message", Found.Message},
                      {"asError", Found.AsError}, {"at", Found.At},
                      {"notes", Found.Notes},     {"fix", Found.Fix}};
}

static bool fromJSON(const json::Value &Value, DocumentFinding &Found,
                     json::Path Path) {
  json::ObjectMapper O(Value, Path);
  return O && O.map("check", Found.Check) && O.map("message", Found.Message) &&
         O.map("asError", Found.AsError) && O.map("at", Found.At) &&
         O.map("notes", Found.Notes) && O.map("fix", Found.Fix);
}

json::Value toJSON(const AnalysisInput &Input) {
  return json::Object{{"path", Input.Path},
                      {"text", Input.Text},
                      {"command", toJSON(Input.Command)},
                      {"factStore", Input.FactStore}};
}

bool fromJSON(const json::Value &Value, AnalysisInput &Input, json::Path Path) {
  json::ObjectMapper O(Value, Path);
  if (!O || !O.map("path", Input.Path) || !O.map("text", Input.Text) ||
      !O.map("factStore", Input.FactStore))
    return false;
  const json::Value *Command = Value.getAsObject()->get("command");
  return Command && fromJSON(*Command, Input.Command, Path.field("command"));
}

json::Value toJSON(const AnalysisResult &Result) {
  return json::Object{{"findings", Result.Findings},
                      {"compileErrors", Result.CompileErrors}};
}

bool fromJSON(const json::Value &Value, AnalysisResult &Result,
              json::Path Path) {
  uint64_t CompileErrors;
  json::ObjectMapper O(Value, Path);
  if (!O || !O.map("findings", Result.Findings) ||
      !O.map("compileErrors", CompileErrors))
    return false;
  Result.CompileErrors = static_cast<unsigned>(CompileErrors);
  return true;
}

} // namespace pincheck
