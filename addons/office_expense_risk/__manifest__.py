# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Official Spending Risk Sensors",
    "summary": "Bridge: live risk sensors on spending — late claims, cash above the "
    "limit, meals for guests from the same city, the three public expenses over "
    "budget",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_expense", "office_risk"],
    "data": ["data/office_risk_sensor_data.xml"],
    "installable": True,
    "auto_install": True,
}
