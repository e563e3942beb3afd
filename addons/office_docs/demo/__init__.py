from . import office_docs_demo
