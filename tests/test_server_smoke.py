"""The Odoo server of the suite answers over HTTP and XML-RPC."""


def test_version_info_reports_odoo_18(odoo):
    info = odoo.version_info()
    assert info["server_serie"] == "18.0"
    assert tuple(info["server_version_info"][:2]) == (18, 0)


def test_admin_can_log_in(odoo):
    uid = odoo.login("admin", "admin")
    assert uid
    [user] = odoo.call("admin", "admin", "res.users", "read", [uid], fields=["login"])
    assert user["login"] == "admin"


def test_wrong_password_is_refused(odoo):
    assert not odoo.login("admin", "not-the-password")
