from . import office_demo
