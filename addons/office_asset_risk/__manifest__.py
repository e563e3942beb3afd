# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Office Assets Risk Sensors",
    "summary": "Bridge: the risk sensors of office assets (003 表18) — assets missing "
    "at the stock-take, major losses, assets found off the ledger, departments "
    "without an asset keeper, missed end-of-day safety rounds",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_asset", "office_risk"],
    "data": ["data/office_risk_sensor_data.xml"],
    "auto_install": True,
    "installable": True,
}
