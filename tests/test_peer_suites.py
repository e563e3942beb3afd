"""The peers' own tests still pass with the whole suite loaded.

office_base changes ``tier.review`` for every model and the domain addons
extend fleet, hr and account, so the tests of OCA ``base_tier_validation``
and of Odoo's ``fleet`` and ``hr`` run against a database holding every addon
of the suite (without demo data: the peers' tests bring their own). Their
at_install tests would run before the suite is loaded, so the test-only
addon ``tests/peer_addons/office_peer_tests`` re-tags them post_install."""

import secrets
import subprocess

from conftest import (
    LOGS,
    ROOT,
    _conf,
    _drop_database,
    _free_port,
    _odoo_cmd,
    _tail,
    our_addons,
)

PEER_ADDONS = ROOT / "tests" / "peer_addons"
RESULT = "tests when loading database"


def test_tier_validation_fleet_and_hr_tests_pass_with_the_suite():
    db = f"office_peers_{secrets.token_hex(3)}"
    addons_path = f"{PEER_ADDONS},{_conf()['addons_path']}"
    log_path = LOGS / "peer-suites.log"
    try:
        with open(log_path, "w") as log:
            code = subprocess.run(
                _odoo_cmd(
                    "-d",
                    db,
                    f"--addons-path={addons_path}",
                    "-i",
                    ",".join([*our_addons(), "office_peer_tests"]),
                    "--without-demo=all",
                    "--test-enable",
                    "--test-tags",
                    "/office_peer_tests,post_install/base_tier_validation",
                    "--stop-after-init",
                    "--log-level=test",
                    f"--http-port={_free_port()}",
                    "--max-cron-threads=0",
                ),
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                check=False,
            ).returncode
        text = log_path.read_text(errors="replace")
        results = [line for line in text.splitlines() if RESULT in line]
        assert code == 0 and results, _tail(log_path)
        assert all(" 0 failed, 0 error(s) " in line for line in results), (
            "\n".join(results) + "\n" + _tail(log_path, 60)
        )
        ran = sum(int(line.split(" of ")[1].split()[0]) for line in results)
        assert ran > 80, f"only {ran} peer tests ran"
    finally:
        _drop_database(db)
