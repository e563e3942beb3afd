from . import test_seal_archive
