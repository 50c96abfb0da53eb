//===--- HtmlReport.cpp - A static site of the findings -------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "HtmlReport.h"
#include "TidyOptions.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include <map>
#include <set>

using namespace clang::tidy;
using namespace llvm;

namespace pincheck {

/// Marks a directory as pincheck's own, so that it may be replaced.
static constexpr StringLiteral Generator =
    R"(<meta name="generator" content="pincheck">)";

/// Lines of source shown around each marked line.
static constexpr unsigned ContextLines = 3;

static std::string escape(StringRef Text) {
  std::string Out;
  for (char C : Text)
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    default:
      Out += C;
    }
  return Out;
}

static const char Style[] = R"css(
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 72rem;
       padding: 1rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.35rem; margin: .4rem 0 .8rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
a { color: #0b57d0; }
.meta, .where { color: #555; font-size: .9rem; }
.check { font: .85rem ui-monospace, monospace; background: #eef2ff;
         border-radius: .3rem; padding: .1rem .35rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e5e5e5;
         vertical-align: top; }
td.count { text-align: right; width: 5rem; font-variant-numeric: tabular-nums; }
ol.path li { margin: .25rem 0; }
.step { display: inline-block; min-width: 1.4rem; text-align: center;
        border-radius: .7rem; background: #b3261e; color: #fff;
        font: bold .8rem/1.4rem system-ui, sans-serif; margin-right: .3rem; }
.step.pin { background: #0b57d0; }
.code { overflow-x: auto; border: 1px solid #ddd; border-radius: .4rem;
        background: #fafafa; }
.code table { margin: 0; width: auto; min-width: 100%; }
.code td { border: 0; padding: 0 .6rem; font: 13px/1.5 ui-monospace, monospace;
           white-space: pre; }
.code td.ln { color: #888; text-align: right; user-select: none; width: 1%; }
.code tr.marked td { background: #fff4d6; }
.code tr.msg td { white-space: normal; font-family: system-ui, sans-serif;
                  padding: .15rem .6rem .35rem; }
.code tr.msg.warning td { color: #b3261e; }
.code tr.msg.note td { color: #0b57d0; }
.code tr.gap td { color: #999; }
pre.diff { overflow-x: auto; border: 1px solid #ddd; border-radius: .4rem;
           background: #fafafa; padding: .5rem .6rem;
           font: 13px/1.5 ui-monospace, monospace; }
.del { color: #b3261e; background: #fde7e7; display: block; }
.add { color: #146c2e; background: #e6f4ea; display: block; }
@media (max-width: 40rem) {
  body { padding: .5rem; font-size: 14px; }
  th, td { padding: .25rem .3rem; }
}
)css";

static std::string page(StringRef Title, StringRef Body) {
  return formatv(R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{0}
<title>{1}</title>
<style>{2}</style>
</head>
<body>
{3}
</body>
</html>
)",
                 Generator, escape(Title), Style, Body)
      .str();
}

namespace {
/// One place a finding's page marks: a step of its path, a note, or the
/// finding itself.
struct Mark {
  std::string File;
  unsigned Line = 0;
  std::string Message;
  /// The step's number on the path (from 1), or 0 for a note that is not
  /// a step.
  unsigned Step = 0;
  bool IsFinding = false;
};

/// A finding as its pages show it.
struct Entry {
  const ClangTidyError *Error;
  std::string Page; ///< "f/3.html"
  std::string File; ///< Relative to the source root.
  unsigned Line = 0, Column = 0;
  std::string Type;
};
} // namespace

/// The type a finding is about, from its message: "of type 'T'", else the
/// first quoted name (pin-self-referential-type's class).
static std::string typeOf(const ClangTidyError &Error) {
  StringRef Message = Error.Message.Message;
  SmallVector<StringRef, 2> Groups;
  if (Regex("of type '([^']+)'").match(Message, &Groups))
    return Groups[1].str();
  if (Regex("'([^']+)'").match(Message, &Groups))
    return Groups[1].str();
  return "";
}

/// The source lines of `File`, for the listings and the diffs.
class SourceFiles {
public:
  ArrayRef<std::string> lines(StringRef File) {
    auto [It, Inserted] = Cache.try_emplace(File);
    if (Inserted)
      if (auto Buffer = MemoryBuffer::getFile(File, /*IsText=*/true)) {
        It->second.emplace_back(); // Line numbers from 1: index 0 unused.
        SmallVector<StringRef, 0> Split;
        (*Buffer)->getBuffer().split(Split, '\n');
        for (StringRef Line : Split)
          It->second.push_back(Line.rtrim('\r').str());
      }
    return It->second;
  }
  std::optional<std::string> text(StringRef File) {
    auto Buffer = MemoryBuffer::getFile(File, /*IsText=*/true);
    if (!Buffer)
      return std::nullopt;
    return (*Buffer)->getBuffer().str();
  }

private:
  StringMap<std::vector<std::string>> Cache;
};

/// The listing of `File` around `Marks` (all in that file): numbered lines,
/// the marked ones highlighted with their messages under them.
static std::string listing(StringRef File, ArrayRef<Mark> Marks,
                           SourceFiles &Sources) {
  ArrayRef<std::string> Lines = Sources.lines(File);
  if (Lines.size() <= 1)
    return "<p class=\"meta\">(the source is not readable)</p>";
  const unsigned Last = Lines.size() - 1;
  std::set<unsigned> Shown;
  for (const Mark &M : Marks)
    for (unsigned L = M.Line > ContextLines ? M.Line - ContextLines : 1;
         L <= std::min(Last, M.Line + ContextLines); ++L)
      Shown.insert(L);
  std::string Out = "<div class=\"code\"><table>";
  unsigned Previous = 0;
  for (unsigned L : Shown) {
    if (Previous && L != Previous + 1)
      Out += "<tr class=\"gap\"><td class=\"ln\">&#8942;</td><td></td></tr>\n";
    Previous = L;
    std::string Badges;
    bool Marked = false;
    for (const Mark &M : Marks)
      if (M.Line == L) {
        Marked = true;
        if (M.Step)
          Badges += formatv("<span class=\"step{0}\">{1}</span>",
                            M.IsFinding ? "" : " pin", M.Step)
                        .str();
      }
    Out +=
        formatv("<tr id=\"L{0}\"{1}><td class=\"ln\">{0}</td><td>{2}{3}"
                "</td></tr>\n",
                L, Marked ? " class=\"marked\"" : "", Badges, escape(Lines[L]))
            .str();
    for (const Mark &M : Marks)
      if (M.Line == L)
        Out += formatv("<tr class=\"msg {0}\"><td></td><td>{1}{2}</td></tr>\n",
                       M.IsFinding ? "warning" : "note",
                       M.IsFinding ? "warning: " : "note: ", escape(M.Message))
                   .str();
  }
  return Out + "</table></div>\n";
}

/// One file's replacements as a diff of the lines they touch.
static std::string diffOf(StringRef File,
                          const clang::tooling::Replacements &Replacements,
                          SourceFiles &Sources) {
  std::optional<std::string> Text = Sources.text(File);
  if (!Text || Replacements.empty())
    return "";
  // The whole lines around the edits, before and after.
  unsigned Begin = Text->size(), End = 0;
  for (const auto &R : Replacements) {
    Begin = std::min(Begin, R.getOffset());
    End = std::max(End, R.getOffset() + R.getLength());
  }
  Begin = std::min<unsigned>(Begin, Text->size());
  End = std::min<unsigned>(End, Text->size());
  size_t LineBegin = StringRef(*Text).rfind('\n', Begin ? Begin - 1 : 0);
  LineBegin = (LineBegin == StringRef::npos || Begin == 0) ? 0 : LineBegin + 1;
  size_t LineEnd = StringRef(*Text).find('\n', End);
  if (LineEnd == StringRef::npos)
    LineEnd = Text->size();
  std::string Before = Text->substr(LineBegin, LineEnd - LineBegin);
  std::string After;
  unsigned At = LineBegin;
  for (const auto &R : Replacements) {
    if (R.getOffset() < At || R.getOffset() > LineEnd)
      continue;
    After += Text->substr(At, R.getOffset() - At);
    After += R.getReplacementText().str();
    At = R.getOffset() + R.getLength();
  }
  After += Text->substr(At, LineEnd - At);
  std::string Out;
  SmallVector<StringRef, 8> Lines;
  StringRef(Before).split(Lines, '\n');
  for (StringRef Line : Lines)
    Out += "<span class=\"del\">- " + escape(Line) + "</span>";
  Lines.clear();
  StringRef(After).split(Lines, '\n');
  for (StringRef Line : Lines)
    Out += "<span class=\"add\">+ " + escape(Line) + "</span>";
  return Out;
}

static std::string
fixSection(const llvm::StringMap<clang::tooling::Replacements> &Fix,
           StringRef Root, SourceFiles &Sources) {
  std::string Out;
  std::vector<StringRef> Files;
  for (const auto &Entry : Fix)
    Files.push_back(Entry.getKey());
  llvm::sort(Files);
  for (StringRef File : Files) {
    std::string Diff = diffOf(File, Fix.lookup(File), Sources);
    if (Diff.empty())
      continue;
    Out += "<p class=\"where\">" + escape(relativePath(File, Root)) +
           "</p><pre class=\"diff\">" + Diff + "</pre>";
  }
  return Out;
}

static std::string findingPage(const Entry &E, const ReportOptions &Options,
                               PositionResolver &Positions,
                               SourceFiles &Sources) {
  const ClangTidyError &Error = *E.Error;
  const std::string Check = Error.DiagnosticName;
  // The path: its steps in the order of the notes, then the finding.
  std::vector<Mark> Marks;
  unsigned Steps = 0;
  for (const auto &Note : Error.Notes) {
    if (Note.FilePath.empty())
      continue;
    Mark M;
    M.File = Note.FilePath;
    M.Line = Positions.resolve(Note.FilePath, Note.FileOffset).Line;
    M.Message = Note.Message;
    M.Step = isPathStep(Note.Message) ? ++Steps : 0;
    Marks.push_back(std::move(M));
  }
  Mark Finding;
  Finding.File = Error.Message.FilePath;
  Finding.Line = E.Line;
  Finding.Message = Error.Message.Message;
  Finding.IsFinding = true;
  Finding.Step = Steps ? Steps + 1 : 0;
  Marks.push_back(Finding);

  std::string Body = "<p class=\"meta\"><a href=\"../index.html\">&#8592; all "
                     "findings</a></p>";
  Body += "<h1>" + escape(Error.Message.Message) + "</h1>";
  Body += "<p class=\"where\"><span class=\"check\">" + escape(Check) +
          "</span> " + escape(E.File) + ":" + std::to_string(E.Line) + ":" +
          std::to_string(E.Column);
  if (StringRef(Check).starts_with("pin-"))
    Body += " &middot; <a href=\"" +
            escape(checkDocumentationUrl(Options.DocsBaseUrl, Check)) +
            "\">about this check</a>";
  Body += "</p>";

  if (Steps) {
    Body += "<h2>Path</h2><ol class=\"path\">\n";
    for (const Mark &M : Marks)
      if (M.Step)
        Body +=
            formatv("<li><span class=\"step{0}\">{1}</span>{2} "
                    "<span class=\"where\">{3}:{4}</span></li>\n",
                    M.IsFinding ? "" : " pin", M.Step, escape(M.Message),
                    escape(relativePath(M.File, Options.SourceRoot)), M.Line)
                .str();
    Body += "</ol>";
  }

  // The listing of the finding's file first, then of the other files its
  // notes are in.
  std::vector<std::string> Files{Error.Message.FilePath};
  for (const Mark &M : Marks)
    if (!llvm::is_contained(Files, M.File))
      Files.push_back(M.File);
  Body += "<h2>Source</h2>";
  for (const std::string &File : Files) {
    std::vector<Mark> InFile;
    for (const Mark &M : Marks)
      if (M.File == File)
        InFile.push_back(M);
    Body += "<p class=\"where\">" +
            escape(relativePath(File, Options.SourceRoot)) + "</p>";
    Body += listing(File, InFile, Sources);
  }

  std::string Fix = fixSection(Error.Message.Fix, Options.SourceRoot, Sources);
  if (!Fix.empty())
    Body += "<h2>Fix-it</h2><p class=\"meta\">What <code>pincheck "
            "--fix</code> applies:</p>" +
            Fix;
  for (const auto &Note : Error.Notes) {
    std::string NoteFix = fixSection(Note.Fix, Options.SourceRoot, Sources);
    if (!NoteFix.empty())
      Body +=
          "<h2>Alternative fix-it</h2><p class=\"meta\">On the note &#8220;" +
          escape(Note.Message) +
          "&#8221; (applied by <code>--fix-notes</code>; it may change the "
          "program's meaning):</p>" +
          NoteFix;
  }
  return page(Error.Message.Message + " - pincheck", Body);
}

/// A table of counts: the key (linked to its section) and how many.
static std::string
countTable(StringRef Heading,
           const std::map<std::string, std::vector<size_t>> &By,
           StringRef Anchor, const ReportOptions &Options, bool LinkDocs) {
  std::string Out = "<table><tr><th>" + escape(Heading) +
                    "</th><th class=\"count\">findings</th></tr>";
  unsigned I = 0;
  for (const auto &[Key, Indices] : By) {
    std::string Name = escape(Key.empty() ? "(none)" : Key);
    std::string Cell = "<a href=\"#" + Anchor.str() + std::to_string(I++) +
                       "\">" + Name + "</a>";
    if (LinkDocs && StringRef(Key).starts_with("pin-"))
      Cell += " <span class=\"meta\">(<a href=\"" +
              escape(checkDocumentationUrl(Options.DocsBaseUrl, Key)) +
              "\">docs</a>)</span>";
    Out += "<tr><td>" + Cell + "</td><td class=\"count\">" +
           std::to_string(Indices.size()) + "</td></tr>\n";
  }
  return Out + "</table>\n";
}

static std::string findingList(const std::vector<Entry> &Entries,
                               ArrayRef<size_t> Indices) {
  std::string Out = "<table>";
  for (size_t I : Indices) {
    const Entry &E = Entries[I];
    Out +=
        formatv("<tr><td><a href=\"{0}\">{1}</a><br><span class=\"where\">"
                "<span class=\"check\">{2}</span> {3}:{4}</span></td></tr>\n",
                E.Page, escape(E.Error->Message.Message),
                escape(E.Error->DiagnosticName), escape(E.File), E.Line)
            .str();
  }
  return Out + "</table>\n";
}

static std::string indexPage(const std::vector<Entry> &Entries,
                             const ReportOptions &Options) {
  std::map<std::string, std::vector<size_t>> ByCheck, ByFile, ByType;
  for (size_t I = 0; I < Entries.size(); ++I) {
    ByCheck[Entries[I].Error->DiagnosticName].push_back(I);
    ByFile[Entries[I].File].push_back(I);
    ByType[Entries[I].Type].push_back(I);
  }
  std::string Body = "<h1>pincheck report</h1>";
  Body += formatv("<p class=\"meta\" id=\"summary\">{0} {1} in {2} {3} "
                  "&middot; pincheck {4}</p>",
                  Entries.size(), Entries.size() == 1 ? "finding" : "findings",
                  ByFile.size(), ByFile.size() == 1 ? "file" : "files",
                  escape(Options.Version))
              .str();
  if (Entries.empty())
    return page("pincheck report",
                Body + "<p id=\"no-findings\">No findings: nothing moves "
                       "an object that must stay put.</p>");
  Body += "<h2>By check</h2>" +
          countTable("check", ByCheck, "check-", Options, true);
  Body +=
      "<h2>By file</h2>" + countTable("file", ByFile, "file-", Options, false);
  Body +=
      "<h2>By type</h2>" + countTable("type", ByType, "type-", Options, false);
  auto Sections = [&](StringRef Title,
                      const std::map<std::string, std::vector<size_t>> &By,
                      StringRef Anchor) {
    unsigned I = 0;
    for (const auto &[Key, Indices] : By)
      Body += "<h2 id=\"" + Anchor.str() + std::to_string(I++) + "\">" +
              escape(Title) + " " + escape(Key.empty() ? "(none)" : Key) +
              "</h2>" + findingList(Entries, Indices);
  };
  Sections("Check", ByCheck, "check-");
  Sections("File", ByFile, "file-");
  Sections("Type", ByType, "type-");
  return page("pincheck report", Body);
}

static Error writeFile(StringRef Path, StringRef Text) {
  return writeToOutput(Path, [&](raw_ostream &OS) {
    OS << Text;
    return Error::success();
  });
}

static Error outputError(StringRef Directory, const Twine &Why) {
  return createStringError(inconvertibleErrorCode(),
                           "cannot write --output '" + Directory + "': " + Why);
}

/// An existing directory may be replaced only when it is a pincheck report
/// (or empty).
static Error checkReplaceable(StringRef Directory) {
  sys::fs::file_status Status;
  if (sys::fs::status(Directory, Status))
    return Error::success(); // Does not exist yet.
  if (!sys::fs::is_directory(Status))
    return outputError(Directory, "it is a file; the HTML report is a "
                                  "directory");
  std::error_code EC;
  sys::fs::directory_iterator It(Directory, EC);
  if (EC)
    return outputError(Directory, EC.message());
  if (It == sys::fs::directory_iterator())
    return Error::success(); // Empty.
  SmallString<256> Index(Directory);
  sys::path::append(Index, "index.html");
  auto Buffer = MemoryBuffer::getFile(Index);
  if (!Buffer || !(*Buffer)->getBuffer().contains(Generator))
    return outputError(Directory, "it holds files that are not a pincheck "
                                  "report");
  return Error::success();
}

Error writeHtml(StringRef Directory, ArrayRef<ClangTidyError> Findings,
                const ReportOptions &Options, PositionResolver &Positions) {
  if (Error E = checkReplaceable(Directory))
    return E;
  std::vector<Entry> Entries;
  for (const ClangTidyError &Error : Findings) {
    if (Error.Message.FilePath.empty())
      continue;
    SourcePosition At =
        Positions.resolve(Error.Message.FilePath, Error.Message.FileOffset);
    Entries.push_back(
        Entry{&Error, "f/" + std::to_string(Entries.size() + 1) + ".html",
              relativePath(Error.Message.FilePath, Options.SourceRoot), At.Line,
              At.Column, typeOf(Error)});
  }
  // Built beside the target, then renamed into place.
  SmallString<256> Absolute(Directory);
  sys::fs::make_absolute(Absolute);
  SmallString<256> Staging;
  if (std::error_code EC =
          sys::fs::createUniqueDirectory(Absolute + ".pincheck-tmp", Staging))
    return outputError(Directory, EC.message());
  // Nothing of a failed run stays behind.
  auto Fail = [&](const Twine &Why) {
    sys::fs::remove_directories(Staging);
    return outputError(Directory, Why);
  };
  SmallString<256> Pages(Staging);
  sys::path::append(Pages, "f");
  if (std::error_code EC = sys::fs::create_directory(Pages))
    return Fail(EC.message());
  SourceFiles Sources;
  for (const Entry &E : Entries) {
    SmallString<256> Path(Staging);
    sys::path::append(Path, E.Page);
    if (Error Err =
            writeFile(Path, findingPage(E, Options, Positions, Sources)))
      return Fail(toString(std::move(Err)));
  }
  SmallString<256> Index(Staging);
  sys::path::append(Index, "index.html");
  if (Error Err = writeFile(Index, indexPage(Entries, Options)))
    return Fail(toString(std::move(Err)));
  // Readable as any other output is.
  sys::fs::setPermissions(Staging, sys::fs::all_read | sys::fs::all_exe |
                                       sys::fs::owner_write);
  if (sys::fs::exists(Absolute))
    if (std::error_code EC = sys::fs::remove_directories(Absolute))
      return Fail(EC.message());
  if (std::error_code EC = sys::fs::rename(Staging, Absolute))
    return Fail(EC.message());
  return Error::success();
}

} // namespace pincheck
