internal import GRDB

extension Migrations {
  /// Multi-centre trials: the installation's own site code, set once (`connectage sync --site`),
  /// and the site each participant and session belongs to. Rows filed before a site was set, and
  /// rows filed since at this installation, leave `site_id` NULL: they belong to the installation's
  /// site. Only a database assembled from a central server (`--from postgres://…`) holds several
  /// sites, each row naming its own.
  static func sites(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE installation (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          site_id TEXT NOT NULL CHECK (length(site_id) BETWEEN 2 AND 16 AND site_id GLOB '[A-Z]*'
            AND site_id NOT GLOB '*[^A-Z0-9-]*'),
          set_at TEXT NOT NULL
        );
        ALTER TABLE participant ADD COLUMN site_id TEXT;
        ALTER TABLE session ADD COLUMN site_id TEXT;
        """)
  }
}

extension Migrations {
  /// A random identity for the installation, made when its site is set: the server lets one
  /// installation, and one only, push under a site code, so two laptops given the same code cannot
  /// overwrite each other's rows. A site set before this migration gets its identity here.
  static func installationIdentity(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE installation ADD COLUMN installation_id TEXT;
        UPDATE installation SET installation_id = lower(hex(randomblob(16)));
        """)
  }
}
