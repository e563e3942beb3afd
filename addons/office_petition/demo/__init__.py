from . import office_petition_demo
