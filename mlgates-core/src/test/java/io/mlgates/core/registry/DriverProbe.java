package io.mlgates.core.registry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens a database the way the registry used to, through DriverManager, from whatever class loader loaded it. */
public final class DriverProbe {
    private DriverProbe() {
    }

    public static void viaDriverManager(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(1);
        }
    }
}
