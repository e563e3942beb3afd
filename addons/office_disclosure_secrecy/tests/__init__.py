from . import test_release_registers
