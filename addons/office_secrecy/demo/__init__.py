from . import office_secrecy_demo
