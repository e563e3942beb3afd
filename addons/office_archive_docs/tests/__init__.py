from . import test_fill_from_documents
