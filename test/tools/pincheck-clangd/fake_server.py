#!/usr/bin/env python3
"""A stand-in for clangd that speaks the base protocol in unusual but valid
ways: lower-case and extra headers, bodies that are not compact, keys in no
particular order, frames written in pieces. It records what it reads in
$FAKE_LOG_DIR/server-received and what it writes in
$FAKE_LOG_DIR/server-sent, and exits with status $FAKE_EXIT_STATUS (default
0) on `exit`."""
import json
import os
import sys
import time

LOG_DIR = os.environ["FAKE_LOG_DIR"]
received = open(os.path.join(LOG_DIR, "server-received"), "wb")
sent = open(os.path.join(LOG_DIR, "server-sent"), "wb")
out = sys.stdout.buffer
inp = sys.stdin.buffer


def write(data, pieces=1):
    sent.write(data)
    sent.flush()
    step = max(1, len(data) // pieces)
    for start in range(0, len(data), step):
        out.write(data[start:start + step])
        out.flush()
        if pieces > 1:
            time.sleep(0.01)


def frame(body, headers):
    body = body.encode()
    header = "".join(h % len(body) if "%d" in h else h for h in headers)
    return header.encode() + b"\r\n" + body


def read_message():
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        byte = inp.read(1)
        if not byte:
            return None
        header += byte
    length = 0
    for line in header.decode().split("\r\n"):
        if line.lower().startswith("content-length:"):
            length = int(line.split(":", 1)[1])
    body = inp.read(length)
    received.write(header + body)
    received.flush()
    return json.loads(body)


def main():
    while True:
        message = read_message()
        if message is None:
            sys.exit(1)
        method = message.get("method")
        if method == "initialize":
            body = ('{ "result" : { "capabilities" : { "textDocumentSync" : 2 } },\n'
                    '  "id" : %s , "jsonrpc" : "2.0" }' % json.dumps(message["id"]))
            write(frame(body, ["content-length:   %d\r\n",
                               "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"]),
                  pieces=3)
            note = '{"params":{"type":3,"message":"caf\\u00e9 \\u263a"},"method":"window/logMessage","jsonrpc":"2.0"}'
            write(frame(note, ["Content-Length: %d\r\n"]))
            publish = ('{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":'
                       '{"uri":"file:///not/open.cpp","diagnostics":[ ]}}')
            write(frame(publish, ["Content-Length: %d\r\n"]), pieces=2)
        elif method == "shutdown":
            write(frame('{"jsonrpc":"2.0","id":%s,"result":null}' % json.dumps(message["id"]),
                        ["Content-Length: %d\r\n"]))
        elif method == "exit":
            sys.exit(int(os.environ.get("FAKE_EXIT_STATUS", "0")))
        elif "id" in message:
            write(frame('{"jsonrpc":"2.0","id":%s,"result":[]}' % json.dumps(message["id"]),
                        ["Content-Length: %d\r\n"]))


if __name__ == "__main__":
    main()
