//===--- TransportTest.cpp - LSP frames over file descriptors -------------===//
//
// Part of pincheck. pincheck-clangd's frame reader keeps the exact bytes of
// each message (so that they are forwarded unchanged) and says why a stream
// is malformed; its writer writes whole frames, also from several threads.
//
//===----------------------------------------------------------------------===//

#include "Transport.h"
#include "gtest/gtest.h"
#include <csignal>
#include <thread>
#include <unistd.h>

using namespace llvm;

namespace pincheck {
namespace {

/// A pipe whose write end is fed `Bytes` and then closed, from a thread of
/// its own (the bytes may exceed the pipe's buffer).
class FedPipe {
public:
  explicit FedPipe(std::string Bytes) {
    int Ends[2];
    EXPECT_EQ(pipe(Ends), 0);
    ReadEnd = Ends[0];
    Feeder = std::thread([WriteEnd = Ends[1], Bytes = std::move(Bytes)] {
      // In pieces of at most 7 bytes: frames arrive split anywhere.
      for (size_t I = 0; I < Bytes.size(); I += 7) {
        size_t Piece = std::min<size_t>(7, Bytes.size() - I);
        EXPECT_EQ(write(WriteEnd, Bytes.data() + I, Piece),
                  static_cast<ssize_t>(Piece));
      }
      close(WriteEnd);
    });
  }
  ~FedPipe() {
    Feeder.join();
    close(ReadEnd);
  }
  int readEnd() const { return ReadEnd; }

private:
  int ReadEnd = -1;
  std::thread Feeder;
};

std::string frame(StringRef Body) {
  return "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" +
         Body.str();
}

TEST(TransportTest, FramesKeepTheirExactBytes) {
  std::string First =
      "content-length: 7\r\nContent-Type: "
      "application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"a\":1}";
  std::string Second = frame("{ \"b\" : [ 2 ] }");
  FedPipe Pipe(First + Second);
  FrameReader Reader(Pipe.readEnd());
  std::optional<Frame> A = Reader.read();
  ASSERT_TRUE(A);
  EXPECT_EQ(A->Bytes, First);
  EXPECT_EQ(A->body(), "{\"a\":1}");
  std::optional<Frame> B = Reader.read();
  ASSERT_TRUE(B);
  EXPECT_EQ(B->Bytes, Second);
  EXPECT_EQ(B->body(), "{ \"b\" : [ 2 ] }");
  // The end of the input after a whole frame is not an error.
  EXPECT_FALSE(Reader.read());
  EXPECT_EQ(Reader.error(), "");
}

TEST(TransportTest, BlankLinesBetweenFramesAreTolerated) {
  FedPipe Pipe("\r\n\n" + frame("{}") + "\r\n" + frame("[]"));
  FrameReader Reader(Pipe.readEnd());
  std::optional<Frame> A = Reader.read();
  ASSERT_TRUE(A);
  EXPECT_EQ(A->body(), "{}");
  std::optional<Frame> B = Reader.read();
  ASSERT_TRUE(B);
  EXPECT_EQ(B->body(), "[]");
  EXPECT_FALSE(Reader.read());
  EXPECT_EQ(Reader.error(), "");
}

TEST(TransportTest, LargeBodies) {
  std::string Body = "\"" + std::string(300000, 'x') + "\"";
  FedPipe Pipe(frame(Body) + frame("1"));
  FrameReader Reader(Pipe.readEnd());
  std::optional<Frame> Large = Reader.read();
  ASSERT_TRUE(Large);
  EXPECT_EQ(Large->body(), Body);
  std::optional<Frame> Next = Reader.read();
  ASSERT_TRUE(Next);
  EXPECT_EQ(Next->body(), "1");
}

std::string readError(std::string Bytes) {
  FedPipe Pipe(std::move(Bytes));
  FrameReader Reader(Pipe.readEnd());
  while (Reader.read())
    ;
  return Reader.error();
}

TEST(TransportTest, MalformedStreamsSayWhy) {
  EXPECT_EQ(readError(frame("{}") + "Content-Length: 2\r\n"),
            "end of input inside a message header");
  EXPECT_EQ(readError("Content-Length: 10\r\n\r\n{}"),
            "end of input inside a message body");
  EXPECT_EQ(readError("Content-Type: x\r\n\r\n{}"),
            "message header without Content-Length");
  EXPECT_EQ(readError("Content-Length: ten\r\n\r\n"),
            "invalid Content-Length 'ten'");
  EXPECT_EQ(readError("Content-Length: -1\r\n\r\n"),
            "invalid Content-Length '-1'");
  // The twin: the same frames, whole, read without an error.
  EXPECT_EQ(readError(frame("{}") + "Content-Length: 2\r\n\r\n{}"), "");
}

/// Reads everything from `FD` until its write end closes.
std::string drain(int FD) {
  std::string Result;
  char Chunk[4096];
  ssize_t Read;
  while ((Read = read(FD, Chunk, sizeof(Chunk))) > 0)
    Result.append(Chunk, Read);
  return Result;
}

TEST(TransportTest, WriterAddsTheHeader) {
  int Ends[2];
  ASSERT_EQ(pipe(Ends), 0);
  {
    FrameWriter Writer(Ends[1]);
    EXPECT_TRUE(Writer.writeMessage("{\"id\":1}"));
    EXPECT_TRUE(Writer.writeRaw("Content-Length: 2\r\n\r\n[]"));
  }
  close(Ends[1]);
  EXPECT_EQ(drain(Ends[0]), "Content-Length: 8\r\n\r\n{\"id\":1}"
                            "Content-Length: 2\r\n\r\n[]");
  close(Ends[0]);
}

TEST(TransportTest, ConcurrentWritersWriteWholeFrames) {
  int Ends[2];
  ASSERT_EQ(pipe(Ends), 0);
  std::string Received;
  std::thread Reader([&] { Received = drain(Ends[0]); });
  {
    FrameWriter Writer(Ends[1]);
    // Bodies larger than the pipe's atomic write size (PIPE_BUF).
    auto WriteMany = [&Writer](char Letter) {
      std::string Body = "\"" + std::string(10000, Letter) + "\"";
      for (int I = 0; I < 50; ++I)
        EXPECT_TRUE(Writer.writeMessage(Body));
    };
    std::thread A(WriteMany, 'a'), B(WriteMany, 'b');
    A.join();
    B.join();
  }
  close(Ends[1]);
  Reader.join();
  close(Ends[0]);

  FedPipe Pipe(Received);
  FrameReader Frames(Pipe.readEnd());
  unsigned Count = 0;
  while (std::optional<Frame> Read = Frames.read()) {
    StringRef Body = Read->body();
    ASSERT_EQ(Body.size(), 10002u);
    EXPECT_EQ(Body.drop_front().drop_back().find_first_not_of(Body[1]),
              StringRef::npos)
        << "frame " << Count << " mixes two writers";
    ++Count;
  }
  EXPECT_EQ(Frames.error(), "");
  EXPECT_EQ(Count, 100u);
}

TEST(TransportTest, WritingToAClosedPipeFails) {
  signal(SIGPIPE, SIG_IGN); // As pincheck-clangd does.
  int Ends[2];
  ASSERT_EQ(pipe(Ends), 0);
  close(Ends[0]);
  FrameWriter Writer(Ends[1]);
  EXPECT_FALSE(Writer.writeMessage("{}"));
  close(Ends[1]);
}

} // namespace
} // namespace pincheck
