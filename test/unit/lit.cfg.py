# lit configuration for the GoogleTest unit tests: each test case counts as
# one lit test.
import os
import lit.formats

config.name = "pincheck-unit"
config.test_format = lit.formats.GoogleTest(".", "Tests")
config.test_source_root = os.path.join(config.pincheck_obj_root, "test", "unit")
config.test_exec_root = config.test_source_root
