from . import office_disclosure_demo
