# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Archives: seals",
    "summary": "印章与档案衔接: an approved deactivation or destruction of a seal "
    "registers the seal as a physical archive item (实物档案) with its "
    "impression and the notice PDF, for the archivist to file",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_archive", "office_seal"],
    "data": [
        "data/mail_activity_type_data.xml",
        "views/office_archive_item_views.xml",
        "views/office_seal_deactivation_views.xml",
        "views/office_seal_views.xml",
    ],
    "post_init_hook": "post_init_hook",
    "demo": ["demo/office_archive_item_demo.xml"],
    "installable": True,
    "auto_install": True,
}
