#!/usr/bin/env python3
"""A scripted LSP client for pincheck-clangd's tests (Python 3 stdlib only).

Usage: lsp_client.py --root DIR --script FILE [--prefix TEXT]
                     [--received-log FILE] [--sent-log FILE]
                     [--timeout SECONDS] -- SERVER [ARGS...]

It starts SERVER with pipes, runs the script's commands in order, and prints
what it receives in a stable text form for FileCheck. Positions are LSP's:
0-based lines and UTF-16 columns, written LINE:COL, ranges START-END.

Script commands (one per line; '#' starts a comment line). With --prefix,
the script is the lines of FILE that start with the prefix, so that a lit
test can hold its own script (`# LSP: open a.cpp`):

  initialize [no-related] [no-literals] [no-document-changes] [utf-8]
      the initialize request (root DIR), then `initialized`; prints
      "initialized" or "initialize error: CODE MESSAGE"
  open FILE                 didOpen of DIR/FILE, version 1
  change FILE VERSION RANGE JSON-STRING
                            an incremental didChange
  change-full FILE VERSION SOURCE
                            a full-text didChange with the text of DIR/SOURCE
  save FILE                 writes the client's text of FILE to disk, didSave
  close FILE                didClose
  wait-log FILE REGEX       waits for a line of FILE (relative to DIR) that
                            matches: an analysis that publishes nothing
  wait-diagnostics FILE [version=N] [pincheck=yes|no] [clang=yes|no]
                            waits for the next publishDiagnostics for FILE
                            that matches, and prints it
  history FILE              prints the version and sources of every
                            publishDiagnostics for FILE received so far
  code-action FILE RANGE    a codeAction request; prints the reply
  apply TITLE-SUBSTRING     applies the edit of the first action of the last
                            reply whose title contains the text
  print-text FILE           prints the client's text of FILE
  send-raw FILE             sends the bytes of DIR/FILE as they are
  shutdown                  the shutdown request; prints "shutdown: RESULT"
  exit                      the exit notification; waits for the server to
                            end and prints "exit status N"
  close-input               closes the server's input; waits as for exit
"""
import argparse
import json
import os
import queue
import re
import subprocess
import sys
import threading
import time


def uri_of(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


def path_of(uri):
    from urllib.parse import unquote
    assert uri.startswith("file://"), uri
    return unquote(uri[len("file://"):])


def parse_position(text):
    line, col = text.split(":")
    return {"line": int(line), "character": int(col)}


def parse_range(text):
    start, end = text.split("-")
    return {"start": parse_position(start), "end": parse_position(end)}


def format_range(r):
    return "%d:%d-%d:%d" % (r["start"]["line"], r["start"]["character"],
                            r["end"]["line"], r["end"]["character"])


def offset_of(text, pos):
    """Byte-free offset into a Python string for an LSP UTF-16 position."""
    lines = text.split("\n")
    if pos["line"] >= len(lines):
        return len(text)
    start = sum(len(l) + 1 for l in lines[:pos["line"]])
    line = lines[pos["line"]]
    units = 0
    for i, ch in enumerate(line):
        if units >= pos["character"]:
            return start + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return start + len(line)


def apply_edits(text, edits):
    spans = [(offset_of(text, e["range"]["start"]), offset_of(text, e["range"]["end"]),
              e["newText"]) for e in edits]
    for begin, end, new in sorted(spans, reverse=True):
        text = text[:begin] + new + text[end:]
    return text


class Client:
    def __init__(self, args):
        self.root = os.path.abspath(args.root)
        self.timeout = args.timeout
        self.received_log = open(args.received_log, "wb") if args.received_log else None
        self.sent_log = open(args.sent_log, "wb") if args.sent_log else None
        self.proc = subprocess.Popen(args.server, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        self.messages = queue.Queue()
        self.publishes = []      # every publishDiagnostics, in order
        self.consumed = {}       # per file: publishes already waited for
        self.replies = {}
        self.next_id = 1
        self.texts = {}
        self.versions = {}
        self.last_actions = []
        threading.Thread(target=self.read_loop, daemon=True).start()

    # Transport.
    def read_loop(self):
        out = self.proc.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = out.read(1)
                if not byte:
                    self.messages.put(None)
                    return
                header += byte
            length = 0
            for line in header.decode().split("\r\n"):
                if line.lower().startswith("content-length:"):
                    length = int(line.split(":", 1)[1])
            body = out.read(length)
            if self.received_log:
                self.received_log.write(header + body)
                self.received_log.flush()
            self.messages.put(json.loads(body))

    def send_bytes(self, data):
        if self.sent_log:
            self.sent_log.write(data)
            self.sent_log.flush()
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        ident = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        return self.wait_for(lambda: self.replies.pop(ident, None),
                             "the reply to " + method)

    def pump(self, deadline):
        """Handles one incoming message; False at the end of the output."""
        try:
            message = self.messages.get(timeout=max(0.01, deadline - time.time()))
        except queue.Empty:
            return True
        if message is None:
            self.messages.put(None)
            return False
        if "method" in message and "id" in message:
            # A request from the server: accept it.
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
        elif message.get("method") == "textDocument/publishDiagnostics":
            self.publishes.append(message["params"])
        elif "id" in message:
            self.replies[message["id"]] = message
        return True

    def wait_for(self, predicate, what):
        deadline = time.time() + self.timeout
        while True:
            result = predicate()
            if result is not None:
                return result
            if time.time() > deadline or not self.pump(deadline):
                result = predicate()
                if result is not None:
                    return result
                print("timeout or end of output waiting for " + what)
                self.proc.kill()
                sys.exit(1)

    # Commands.
    def wait_log(self, name, pattern):
        """Waits until the file FILE (the server's standard error, which the
        RUN line redirects) has a line matching PATTERN: the end of an
        analysis that publishes nothing."""
        path = self.file(name)
        deadline = time.time() + self.timeout
        while time.time() < deadline:
            if os.path.exists(path):
                with open(path, errors="replace") as f:
                    if any(re.search(pattern, line) for line in f):
                        return
            time.sleep(0.05)
        print("timeout waiting for /%s/ in %s" % (pattern, name))
        self.proc.kill()
        sys.exit(1)

    def initialize(self, flags):
        capabilities = {
            "textDocument": {
                "publishDiagnostics": {"relatedInformation": "no-related" not in flags,
                                       "versionSupport": True},
                "synchronization": {"didSave": True},
            },
            "workspace": {"workspaceEdit": {
                "documentChanges": "no-document-changes" not in flags}},
        }
        if "no-literals" not in flags:
            capabilities["textDocument"]["codeAction"] = {"codeActionLiteralSupport": {
                "codeActionKind": {"valueSet": ["", "quickfix", "refactor", "source"]}}}
        if "utf-8" in flags:
            # LSP 3.17's form, and clangd's own extension (which clangd 19 reads).
            capabilities["general"] = {"positionEncodings": ["utf-8", "utf-16"]}
            capabilities["offsetEncoding"] = ["utf-8", "utf-16"]
        reply = self.request("initialize", {
            "processId": os.getpid(), "rootUri": uri_of(self.root),
            "capabilities": capabilities})
        if "error" in reply:
            print("initialize error: %d %s" % (reply["error"]["code"],
                                               reply["error"]["message"]))
            return
        result = reply["result"]
        encoding = result.get("capabilities", {}).get("positionEncoding") or result.get(
            "offsetEncoding", "utf-16")
        print("initialized (%s)" % encoding)
        self.notify("initialized", {})

    def file(self, name):
        return os.path.join(self.root, name)

    def open(self, name):
        with open(self.file(name), encoding="utf-8") as f:
            self.texts[name] = f.read()
        self.versions[name] = 1
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri_of(self.file(name)), "languageId": "cpp", "version": 1,
            "text": self.texts[name]}})

    def change(self, name, version, where, text):
        r = parse_range(where)
        self.texts[name] = apply_edits(self.texts[name], [{"range": r, "newText": text}])
        self.versions[name] = int(version)
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri_of(self.file(name)), "version": int(version)},
            "contentChanges": [{"range": r, "text": text}]})

    def change_full(self, name, version, source):
        with open(self.file(source), encoding="utf-8") as f:
            self.texts[name] = f.read()
        self.versions[name] = int(version)
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri_of(self.file(name)), "version": int(version)},
            "contentChanges": [{"text": self.texts[name]}]})

    def save(self, name):
        with open(self.file(name), "w", encoding="utf-8") as f:
            f.write(self.texts[name])
        self.notify("textDocument/didSave", {"textDocument": {"uri": uri_of(self.file(name))}})

    def close(self, name):
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(self.file(name))}})

    def wait_diagnostics(self, name, conditions):
        path = self.file(name)

        def matches(params):
            if os.path.abspath(path_of(params["uri"])) != path:
                return False
            if "version" in conditions and params.get("version") != int(conditions["version"]):
                return False
            has_pincheck = any(d.get("source") == "pincheck" for d in params["diagnostics"])
            if conditions.get("pincheck") == "yes" and not has_pincheck:
                return False
            if conditions.get("pincheck") == "no" and has_pincheck:
                return False
            # clangd's own diagnostics: whether clangd has published yet.
            has_clang = any(d.get("source") != "pincheck" for d in params["diagnostics"])
            if conditions.get("clang") == "yes" and not has_clang:
                return False
            if conditions.get("clang") == "no" and has_clang:
                return False
            return True

        def find():
            start = self.consumed.get(name, 0)
            for index in range(start, len(self.publishes)):
                if matches(self.publishes[index]):
                    self.consumed[name] = index + 1
                    return self.publishes[index]
            return None

        params = self.wait_for(find, "diagnostics for %s %s" % (name, conditions))
        self.print_diagnostics(name, params)

    def relative(self, uri):
        return os.path.relpath(path_of(uri), self.root)

    def print_diagnostics(self, name, params):
        print("diagnostics %s version=%s" % (name, params.get("version")))
        for d in params["diagnostics"]:
            severity = {1: "error", 2: "warning", 3: "info", 4: "hint"}.get(d.get("severity"))
            print("  %s %s %s [%s] %s" % (d.get("source"), severity, format_range(d["range"]),
                                          d.get("code"), d["message"].replace("\n", "\\n")))
            if "codeDescription" in d:
                print("    href %s" % d["codeDescription"]["href"])
            for info in d.get("relatedInformation", []):
                print("    related %s %s: %s" % (self.relative(info["location"]["uri"]),
                                                 format_range(info["location"]["range"]),
                                                 info["message"]))

    def history(self, name):
        path = self.file(name)
        for params in self.publishes:
            if os.path.abspath(path_of(params["uri"])) == path:
                sources = sorted({d.get("source", "?") for d in params["diagnostics"]})
                print("history %s version=%s sources=%s" % (name, params.get("version"),
                                                             ",".join(sources) or "none"))

    def code_action(self, name, where):
        reply = self.request("textDocument/codeAction", {
            "textDocument": {"uri": uri_of(self.file(name))}, "range": parse_range(where),
            "context": {"diagnostics": []}})
        self.last_actions = reply.get("result") or []
        print("code actions %s %s: %d" % (name, where, len(self.last_actions)))
        for action in self.last_actions:
            if "command" in action and "kind" not in action:
                print("  command %s" % action["title"])
                continue
            diagnostics = ",".join(str(d.get("code")) for d in action.get("diagnostics", []))
            print("  action [%s] %s preferred=%s diagnostics=%s" % (
                action.get("kind"), action["title"], action.get("isPreferred"), diagnostics))
            for uri, edits in self.edits_of(action):
                for e in edits:
                    print("    edit %s %s %s" % (self.relative(uri), format_range(e["range"]),
                                                 json.dumps(e["newText"])))

    @staticmethod
    def edits_of(action):
        edit = action.get("edit", {})
        if "documentChanges" in edit:
            return [(c["textDocument"]["uri"], c["edits"]) for c in edit["documentChanges"]]
        return sorted(edit.get("changes", {}).items())

    def apply(self, title):
        for action in self.last_actions:
            if title in action["title"]:
                for uri, edits in self.edits_of(action):
                    name = self.relative(uri)
                    self.texts[name] = apply_edits(self.texts[name], edits)
                print("applied %s" % action["title"])
                return
        print("no action titled %s" % title)

    def wait_exit(self):
        try:
            status = self.proc.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            print("timeout waiting for the server to exit")
            self.proc.kill()
            sys.exit(1)
        print("exit status %d" % status)

    def run(self, script):
        for line in script:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            words = line.split(" ", 1)
            command, rest = words[0], (words[1] if len(words) > 1 else "")
            if command == "initialize":
                self.initialize(rest.split())
            elif command == "open":
                self.open(rest)
            elif command == "change":
                name, version, where, text = rest.split(" ", 3)
                self.change(name, version, where, json.loads(text))
            elif command == "change-full":
                self.change_full(*rest.split())
            elif command == "save":
                self.save(rest)
            elif command == "close":
                self.close(rest)
            elif command == "wait-diagnostics":
                name, *conditions = rest.split()
                self.wait_diagnostics(name, dict(c.split("=", 1) for c in conditions))
            elif command == "history":
                self.history(rest)
            elif command == "wait-log":
                name, pattern = rest.split(" ", 1)
                self.wait_log(name, pattern)
            elif command == "code-action":
                self.code_action(*rest.split())
            elif command == "apply":
                self.apply(rest)
            elif command == "print-text":
                print(self.texts[rest], end="")
            elif command == "send-raw":
                with open(self.file(rest), "rb") as f:
                    self.send_bytes(f.read())
            elif command == "shutdown":
                reply = self.request("shutdown", None)
                print("shutdown: %s" % json.dumps(reply.get("result", reply.get("error"))))
            elif command == "exit":
                self.notify("exit", None)
                self.wait_exit()
            elif command == "close-input":
                self.proc.stdin.close()
                self.wait_exit()
            else:
                sys.exit("unknown script command: " + line)
            sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--script", required=True)
    parser.add_argument("--received-log")
    parser.add_argument("--sent-log")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--prefix",
                        help="read only the script lines that start with this "
                             "text, after '#' or '//' and blanks")
    parser.add_argument("server", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.server and args.server[0] == "--":
        args.server = args.server[1:]
    with open(args.script, encoding="utf-8") as f:
        script = f.readlines()
    if args.prefix:
        lines = [l.lstrip("#/ \t") for l in script]
        script = [l[len(args.prefix):] for l in lines if l.startswith(args.prefix)]
    Client(args).run(script)


if __name__ == "__main__":
    main()
