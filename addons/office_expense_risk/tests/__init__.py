from . import test_sensors
