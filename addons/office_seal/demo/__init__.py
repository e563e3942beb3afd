from . import office_seal_demo
