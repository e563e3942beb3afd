# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Archives: official documents",
    "summary": "档案与公文衔接: fill a department's yearly transfer list from its "
    "closed incoming documents and filed outgoing documents, with their "
    "electronic files",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_archive", "office_docs"],
    "data": [
        "views/office_archive_transfer_list_views.xml",
        "views/office_archive_item_views.xml",
    ],
    "demo": ["demo/office_archive_transfer_list_demo.xml"],
    "installable": True,
    "auto_install": True,
}
