from . import test_docs_seal
