from . import test_petition
