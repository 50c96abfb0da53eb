#include "snapshots.h"

SnapshotList& registry() {
  static SnapshotList List;
  return List;
}
