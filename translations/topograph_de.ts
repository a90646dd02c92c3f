<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Topograph</source>
        <translation>Über Topograph</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Topograph&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Topograph&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>See and change MySQL/MariaDB replication topologies: safely, with a plan you can read first.</source>
        <translation>MySQL/MariaDB-Replikationstopologien ansehen und ändern: sicher, mit einem Plan, den Sie vorher lesen können.</translation>
    </message>
</context>
<context>
    <name>CardContent</name>
    <message>
        <source>Connection: TLS, server identity verified</source>
        <translation>Verbindung: TLS, Identität des Servers geprüft</translation>
    </message>
    <message>
        <source>Connection: TLS, server identity NOT verified (SSLSkipVerify)</source>
        <translation>Verbindung: TLS, Identität des Servers NICHT geprüft (SSLSkipVerify)</translation>
    </message>
    <message>
        <source>Connection: not encrypted</source>
        <translation>Verbindung: unverschlüsselt</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>never checked</source>
        <translation>nie geprüft</translation>
    </message>
    <message>
        <source>%1s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1m ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1d ago</source>
        <translation>vor %1 d</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>not checked recently</source>
        <translation>länger nicht geprüft</translation>
    </message>
    <message>
        <source>replication error</source>
        <translation>Replikationsfehler</translation>
    </message>
    <message>
        <source>replication stopped</source>
        <translation>Replikation gestoppt</translation>
    </message>
    <message>
        <source>lagging</source>
        <translation>verzögert</translation>
    </message>
    <message>
        <source>no binlog</source>
        <translation>kein Binlog</translation>
    </message>
    <message>
        <source>IO: %1</source>
        <translation>IO: %1</translation>
    </message>
    <message>
        <source>SQL: %1</source>
        <translation>SQL: %1</translation>
    </message>
    <message>
        <source>co-master with %1</source>
        <translation>Co-Master mit %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Status: %1, lag %2</source>
        <translation>Status: %1, Verzögerung %2</translation>
    </message>
    <message>
        <source>Co-master with %1</source>
        <translation>Co-Master mit %1</translation>
    </message>
    <message>
        <source>Replicates from %1 (IO thread %2, SQL thread %3)</source>
        <translation>Repliziert von %1 (IO-Thread %2, SQL-Thread %3)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>Last probe failed: %1</source>
        <translation>Letzte Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>IO error: %1</source>
        <translation>IO-Fehler: %1</translation>
    </message>
    <message>
        <source>SQL error: %1</source>
        <translation>SQL-Fehler: %1</translation>
    </message>
    <message>
        <source>Checked %1</source>
        <translation>Letzte Prüfung: %1</translation>
    </message>
    <message>
        <source>stale heartbeat rows (fake lag)</source>
        <translation>veraltete Heartbeat-Zeilen (Schein-Verzögerung)</translation>
    </message>
    <message>
        <source>ghost cluster</source>
        <translation>Geister-Cluster</translation>
    </message>
    <message>
        <source>replication analysis</source>
        <translation>Replikationsanalyse</translation>
    </message>
    <message>
        <source>Promotion rule: must (promoted first when its master fails)</source>
        <translation>Beförderungsregel: must (wird zuerst befördert, wenn sein Master ausfällt)</translation>
    </message>
    <message>
        <source>Promotion rule: prefer (a preferred candidate when its master fails)</source>
        <translation>Beförderungsregel: prefer (bevorzugter Kandidat, wenn sein Master ausfällt)</translation>
    </message>
    <message>
        <source>Promotion rule: neutral (registered, no preference)</source>
        <translation>Beförderungsregel: neutral (registriert, ohne Vorliebe)</translation>
    </message>
    <message>
        <source>Promotion rule: prefer_not (promoted only when no other replica fits)</source>
        <translation>Beförderungsregel: prefer_not (nur befördert, wenn keine andere Replica passt)</translation>
    </message>
    <message>
        <source>Promotion rule: must_not (never promoted)</source>
        <translation>Beförderungsregel: must_not (wird nie befördert)</translation>
    </message>
</context>
<context>
    <name>DestinationPickerDialog</name>
    <message>
        <source>Move to</source>
        <translation>Verschieben nach</translation>
    </message>
    <message>
        <source>Type part of a host name or alias</source>
        <translation>Teil eines Hostnamens oder Alias eingeben</translation>
    </message>
</context>
<context>
    <name>DiscoverDialog</name>
    <message>
        <source>Discover a topology</source>
        <translation>Topologie erkennen</translation>
    </message>
    <message>
        <source>Topograph probes the seed, its master and its replicas, level by level, and records every instance it finds. Discovery only reads the servers (it changes nothing on them) and writes what it finds to the backend.</source>
        <translation>Topograph fragt die Startinstanz, ihren Master und ihre Replicas Ebene für Ebene ab und erfasst jede gefundene Instanz. Die Erkennung liest die Server nur (sie ändert nichts an ihnen) und schreibt die Ergebnisse ins Backend.</translation>
    </message>
    <message>
        <source>&amp;Seed instance:</source>
        <translation>&amp;Startinstanz:</translation>
    </message>
    <message>
        <source>host:port, e.g. db1103.eqiad.wmnet:3306</source>
        <translation>host:port, z. B. db1103.eqiad.wmnet:3306</translation>
    </message>
    <message>
        <source>Credentials for the instances</source>
        <translation>Zugangsdaten für die Instanzen</translation>
    </message>
    <message>
        <source>From the &amp;configuration</source>
        <translation>Aus der &amp;Konfiguration</translation>
    </message>
    <message>
        <source>MySQL &amp;option file:</source>
        <translation>MySQL-&amp;Optionsdatei:</translation>
    </message>
    <message>
        <source>~/.my.cnf ([client] user, password, ssl-ca…)</source>
        <translation>~/.my.cnf ([client] user, password, ssl-ca…)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;User and password (kept in memory only)</source>
        <translation>&amp;Benutzer und Passwort (nur im Speicher gehalten)</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Found instances</source>
        <translation>Gefundene Instanzen</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>&amp;Discover</source>
        <translation>&amp;Erkennen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>DragSession</name>
    <message>
        <source>Move %1 below %2</source>
        <translation>%1 unter %2 verschieben</translation>
    </message>
    <message>
        <source>Move %1 below %2, with warnings</source>
        <translation>%1 unter %2 verschieben, mit Warnungen</translation>
    </message>
    <message>
        <source>Cannot move %1 below %2</source>
        <translation>%1 kann nicht unter %2 verschoben werden</translation>
    </message>
</context>
<context>
    <name>EdgeItem</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>lagging</source>
        <translation>verzögert</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>fehlerhaft</translation>
    </message>
</context>
<context>
    <name>FleetRequests</name>
    <message>
        <source>Cannot forget %1: %2</source>
        <translation>%1 kann nicht vergessen werden: %2</translation>
    </message>
    <message>
        <source>it is not known</source>
        <translation>sie ist nicht bekannt</translation>
    </message>
    <message>
        <source>Forgot %1</source>
        <translation>%1 wurde vergessen</translation>
    </message>
    <message>
        <source>Cannot read the backend: %1</source>
        <translation>Backend kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot forget the cluster %1: %2</source>
        <translation>Der Cluster %1 kann nicht vergessen werden: %2</translation>
    </message>
    <message>
        <source>Cannot add %1 to DiscoveryIgnoreHostnameFilters: %2</source>
        <translation>%1 kann nicht zu DiscoveryIgnoreHostnameFilters hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>Cannot delete the resolve entry of %1: %2</source>
        <translation>Der Auflösungseintrag von %1 kann nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>there is none</source>
        <translation>es gibt keinen</translation>
    </message>
    <message>
        <source>Deleted the resolve entry of %1</source>
        <translation>Auflösungseintrag von %1 gelöscht</translation>
    </message>
    <message>
        <source>Cannot delete the unresolve entry of %1: %2</source>
        <translation>Der Unresolve-Eintrag von %1 kann nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>Deleted the unresolve entry of %1</source>
        <translation>Unresolve-Eintrag von %1 gelöscht</translation>
    </message>
    <message>
        <source>Cannot reset the hostname resolve cache: %1</source>
        <translation>Der Hostnamen-Auflösungscache kann nicht zurückgesetzt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Hostname resolve cache cleared (%n entries)</source>
        <translation>
            <numerusform>Hostnamen-Auflösungscache geleert (%n Eintrag)</numerusform>
            <numerusform>Hostnamen-Auflösungscache geleert (%n Einträge)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot begin maintenance on %1: %2</source>
        <translation>Wartung für %1 kann nicht begonnen werden: %2</translation>
    </message>
    <message>
        <source>%1 is in maintenance</source>
        <translation>%1 ist in Wartung</translation>
    </message>
    <message>
        <source>Cannot end maintenance on %1: %2</source>
        <translation>Wartung für %1 kann nicht beendet werden: %2</translation>
    </message>
    <message>
        <source>it is not in maintenance</source>
        <translation>sie ist nicht in Wartung</translation>
    </message>
    <message>
        <source>Maintenance on %1 ended</source>
        <translation>Wartung für %1 beendet</translation>
    </message>
    <message>
        <source>Cannot register %1 as a candidate: %2</source>
        <translation>%1 kann nicht als Kandidat registriert werden: %2</translation>
    </message>
    <message>
        <source>%1: promotion rule %2 until %3 UTC</source>
        <translation>%1: Beförderungsregel %2 bis %3 UTC</translation>
    </message>
</context>
<context>
    <name>ForgetClusterPlanner</name>
    <message>
        <source>unknown cluster %1</source>
        <translation>unbekannter Cluster %1</translation>
    </message>
    <message>
        <source>%1 is not a ghost cluster</source>
        <translation>%1 ist kein Geister-Cluster</translation>
    </message>
    <message>
        <source>%1 still replicates in a live topology: %2</source>
        <translation>%1 repliziert noch in einer lebenden Topologie: %2</translation>
    </message>
</context>
<context>
    <name>GhostDetector</name>
    <message>
        <source>%1 is what %2 resolved to (hostname_resolve)</source>
        <translation>%1 ist das, wozu %2 aufgelöst wurde (hostname_resolve)</translation>
    </message>
    <message>
        <source>%1 is the bare form of %2</source>
        <translation>%1 ist die Kurzform von %2</translation>
    </message>
    <message>
        <source>no instance answers as its master %1</source>
        <translation>keine Instanz antwortet als sein Master %1</translation>
    </message>
    <message>
        <source>its master %1 was never validly checked</source>
        <translation>sein Master %1 wurde nie erfolgreich geprüft</translation>
    </message>
    <message>
        <source>a lone replica of %1, which no known instance is</source>
        <translation>eine einzelne Replica von %1, das keine bekannte Instanz ist</translation>
    </message>
</context>
<context>
    <name>InstanceDetailsPanel</name>
    <message>
        <source>Instance details</source>
        <translation>Instanzdetails</translation>
    </message>
</context>
<context>
    <name>LiveReplicationCheck</name>
    <message>
        <source>replicating from %1</source>
        <translation>repliziert von %1</translation>
    </message>
    <message>
        <source>%1 replicates from it</source>
        <translation>%1 repliziert von ihm</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>Drop here to replicate from %1</source>
        <translation>Hier ablegen, um von %1 zu replizieren</translation>
    </message>
    <message>
        <source>Can replicate from %1, with warnings:</source>
        <translation>Kann von %1 replizieren, mit Warnungen:</translation>
    </message>
    <message>
        <source>Cannot replicate from %1:</source>
        <translation>Kann nicht von %1 replizieren:</translation>
    </message>
    <message>
        <source>Ghost cluster: %1</source>
        <translation>Geister-Cluster: %1</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>&amp;Refresh instance</source>
        <translation>Instanz &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Probe this instance again now</source>
        <translation>Diese Instanz jetzt erneut abfragen</translation>
    </message>
    <message>
        <source>Cop&amp;y host:port</source>
        <translation>host:port &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the instance&apos;s host:port to the clipboard</source>
        <translation>host:port der Instanz in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation>Verschieben &amp;nach…</translation>
    </message>
    <message>
        <source>Make it a replica of another instance, by GTID where it can, else by binlog file:pos (shows the plan first)</source>
        <translation>Zur Replica einer anderen Instanz machen, per GTID wo möglich, sonst per Binlog-Datei:Position (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben verschieben</translation>
    </message>
    <message>
        <source>Make it a replica of its master&apos;s master (shows the plan first)</source>
        <translation>Zur Replica des Masters ihres Masters machen (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Move &amp;below sibling…</source>
        <translation>&amp;Unter Geschwister verschieben…</translation>
    </message>
    <message>
        <source>Make it a replica of one of its siblings (shows the plan first)</source>
        <translation>Zur Replica einer ihrer Geschwister-Replicas machen (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Re&amp;point</source>
        <translation>Neu aus&amp;richten</translation>
    </message>
    <message>
        <source>Point it at its master again, at its own executed coordinates (shows the plan first)</source>
        <translation>Erneut auf ihren Master zeigen lassen, an ihren eigenen ausgeführten Koordinaten (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>&amp;Take master</source>
        <translation>&amp;Master übernehmen</translation>
    </message>
    <message>
        <source>Swap it with its master: it becomes its master&apos;s master (shows the plan first)</source>
        <translation>Mit ihrem Master tauschen: Sie wird zum Master ihres bisherigen Masters (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Make &amp;co-master</source>
        <translation>Zum &amp;Co-Master machen</translation>
    </message>
    <message>
        <source>It and its master replicate from each other (shows the plan first)</source>
        <translation>Sie und ihr Master replizieren voneinander (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Move replicas t&amp;o…</source>
        <translation>Replicas verschieben nac&amp;h…</translation>
    </message>
    <message>
        <source>Move every replica of it below another instance (shows the plan first)</source>
        <translation>Alle ihre Replicas unter eine andere Instanz verschieben (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Mo&amp;ve replicas up</source>
        <translation>Replicas nach o&amp;ben verschieben</translation>
    </message>
    <message>
        <source>Move every replica of it up, next to it (shows the plan first)</source>
        <translation>Alle ihre Replicas eine Ebene nach oben verschieben, neben sie (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Repoint rep&amp;licas</source>
        <translation>Rep&amp;licas neu ausrichten</translation>
    </message>
    <message>
        <source>Point every replica of it at it again, at their own coordinates (shows the plan first)</source>
        <translation>Alle ihre Replicas erneut auf sie zeigen lassen, an ihren eigenen Koordinaten (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>&amp;Stop replication</source>
        <translation>Replikation &amp;stoppen</translation>
    </message>
    <message>
        <source>STOP SLAVE on this instance (shows the plan first)</source>
        <translation>STOP SLAVE auf dieser Instanz (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>St&amp;art replication</source>
        <translation>Replikation s&amp;tarten</translation>
    </message>
    <message>
        <source>START SLAVE on this instance (shows the plan first)</source>
        <translation>START SLAVE auf dieser Instanz (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Set rea&amp;d-only</source>
        <translation>Schreib&amp;geschützt setzen</translation>
    </message>
    <message>
        <source>SET GLOBAL read_only = 1 (shows the plan first)</source>
        <translation>SET GLOBAL read_only = 1 (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Set &amp;writeable</source>
        <translation>Beschreibbar set&amp;zen</translation>
    </message>
    <message>
        <source>SET GLOBAL read_only = 0 (shows the plan first)</source>
        <translation>SET GLOBAL read_only = 0 (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Begin mai&amp;ntenance…</source>
        <translation>&amp;Wartung beginnen…</translation>
    </message>
    <message>
        <source>Mark it as in maintenance: operations leave it alone until the lock ends</source>
        <translation>Als in Wartung markieren: Operationen lassen sie bis zum Ende der Sperre unberührt</translation>
    </message>
    <message>
        <source>&amp;End maintenance</source>
        <translation>Wartung b&amp;eenden</translation>
    </message>
    <message>
        <source>End the maintenance lock on this instance</source>
        <translation>Die Wartungssperre dieser Instanz beenden</translation>
    </message>
    <message>
        <source>&amp;Forget…</source>
        <translation>&amp;Vergessen…</translation>
    </message>
    <message>
        <source>Remove it from the backend (it comes back if it is discovered again)</source>
        <translation>Aus dem Backend entfernen (sie erscheint wieder, sobald sie erneut erkannt wird)</translation>
    </message>
    <message>
        <source>Clean stale &amp;heartbeat rows…</source>
        <translation>Veraltete &amp;Heartbeat-Zeilen entfernen…</translation>
    </message>
    <message>
        <source>Delete the heartbeat rows of former primaries on this instance only, without writing to its binary log (shows the plan first)</source>
        <translation>Die Heartbeat-Zeilen früherer Primaries nur auf dieser Instanz löschen, ohne in ihr Binärlog zu schreiben (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Clean stale heartbeat rows in the c&amp;luster…</source>
        <translation>Veraltete Heartbeat-Zeilen im C&amp;luster entfernen…</translation>
    </message>
    <message>
        <source>Delete the heartbeat rows of former primaries on every instance of this cluster, each without writing to its binary log (shows the plan first)</source>
        <translation>Die Heartbeat-Zeilen früherer Primaries auf jeder Instanz dieses Clusters löschen, jeweils ohne Eintrag in ihr Binärlog (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Forget &amp;ghost cluster…</source>
        <translation>&amp;Geister-Cluster vergessen…</translation>
    </message>
    <message>
        <source>Remove every instance of this ghost cluster and the resolve entries that made it, in one step</source>
        <translation>Jede Instanz dieses Geister-Clusters und die Auflösungseinträge, die ihn erzeugt haben, in einem Schritt entfernen</translation>
    </message>
    <message>
        <source>R&amp;estart replication</source>
        <translation>Replikation neu sta&amp;rten</translation>
    </message>
    <message>
        <source>STOP SLAVE, then START SLAVE on this instance; clears a pending START SLAVE UNTIL (shows the plan first)</source>
        <translation>STOP SLAVE, dann START SLAVE auf dieser Instanz; hebt ein noch wartendes START SLAVE UNTIL auf (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Move by e&amp;quivalent position…</source>
        <translation>Auf ä&amp;quivalente Position verschieben…</translation>
    </message>
    <message>
        <source>Make it a replica of another server at the binlog position recorded as equivalent to its own by an earlier file:pos move (shows the plan first)</source>
        <translation>Zur Replica eines anderen Servers machen, an der Binlog-Position, die ein früherer Umzug per Datei:Position als gleichwertig zu ihrer eigenen aufgezeichnet hat (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Register as cand&amp;idate…</source>
        <translation>Als Kand&amp;idat registrieren…</translation>
    </message>
    <message>
        <source>Record how much it should be preferred when its master fails and a replica is promoted (expires after CandidateInstanceExpireMinutes)</source>
        <translation>Festhalten, wie sehr sie bevorzugt werden soll, wenn ihr Master ausfällt und eine Replica befördert wird (läuft nach CandidateInstanceExpireMinutes ab)</translation>
    </message>
</context>
<context>
    <name>OperationStates</name>
    <message>
        <source>%1 has no siblings</source>
        <translation>%1 hat keine Geschwister-Replicas</translation>
    </message>
    <message>
        <source>There is no other instance in the cluster of %1</source>
        <translation>Im Cluster von %1 gibt es keine andere Instanz</translation>
    </message>
    <message>
        <source>The planner refuses every destination, e.g.: %1</source>
        <translation>Der Planer lehnt jedes Ziel ab, z. B.: %1</translation>
    </message>
    <message>
        <source>Select an instance first</source>
        <translation>Wählen Sie zuerst eine Instanz aus</translation>
    </message>
    <message>
        <source>%1 is not known</source>
        <translation>%1 ist nicht bekannt</translation>
    </message>
</context>
<context>
    <name>PlanHtml</name>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>(only if it is behind %1 when the step runs)</source>
        <translation>(nur wenn die Instanz bei Ausführung des Schritts hinter %1 zurückliegt)</translation>
    </message>
    <message numerus="yes">
        <source>(waits at most %n second(s))</source>
        <translation>
            <numerusform>(wartet höchstens %n Sekunde)</numerusform>
            <numerusform>(wartet höchstens %n Sekunden)</numerusform>
        </translation>
    </message>
    <message>
        <source>SQL per instance</source>
        <translation>SQL pro Instanz</translation>
    </message>
    <message>
        <source>${host:port.binlog_file} / ${host:port.binlog_pos}: that instance&apos;s own binary log position; ${host:port.exec_file} / ${host:port.exec_pos}: how far it has executed its master&apos;s binary log. Both are read from that instance when the step runs.</source>
        <translation>${host:port.binlog_file} / ${host:port.binlog_pos}: die eigene Binärlog-Position dieser Instanz; ${host:port.exec_file} / ${host:port.exec_pos}: wie weit sie das Binärlog ihres Masters ausgeführt hat. Beide Werte werden bei Ausführung des Schritts von dieser Instanz gelesen.</translation>
    </message>
    <message>
        <source>Stops replication on</source>
        <translation>Replikation wird gestoppt auf</translation>
    </message>
    <message>
        <source>No instance stops replicating.</source>
        <translation>Auf keiner Instanz wird die Replikation gestoppt.</translation>
    </message>
    <message>
        <source>%1 (restarted by the plan, or on failure)</source>
        <translation>%1 (wird vom Plan oder bei einem Fehler wieder gestartet)</translation>
    </message>
    <message>
        <source>Expected end state</source>
        <translation>Erwarteter Endzustand</translation>
    </message>
    <message>
        <source>%1 replicates from %2, both threads running</source>
        <translation>%1 repliziert von %2, beide Threads laufen</translation>
    </message>
    <message>
        <source>%1 is a replica of %2, replication stopped</source>
        <translation>%1 ist Replica von %2, Replikation gestoppt</translation>
    </message>
    <message>
        <source>%1 is not a replica</source>
        <translation>%1 ist keine Replica</translation>
    </message>
    <message>
        <source>, read-only</source>
        <translation>, schreibgeschützt</translation>
    </message>
    <message>
        <source>, writeable</source>
        <translation>, beschreibbar</translation>
    </message>
    <message>
        <source>%1 (stays stopped: that is the plan&apos;s end state)</source>
        <translation>%1 (bleibt gestoppt: das ist der Endzustand des Plans)</translation>
    </message>
</context>
<context>
    <name>PlanPreviewDialog</name>
    <message>
        <source>Plan preview</source>
        <translation>Planvorschau</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>The planner found something you should know before running this plan.</source>
        <translation>Der Planer hat etwas gefunden, das Sie vor dem Ausführen dieses Plans wissen sollten.</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>Pro&amp;tokoll</translation>
    </message>
    <message>
        <source>&amp;Where instances stand</source>
        <translation>&amp;Stand der Instanzen</translation>
    </message>
    <message>
        <source>Move &amp;back…</source>
        <translation>&amp;Zurückverschieben…</translation>
    </message>
    <message>
        <source>Plan the reverse move (you will see that plan before it runs)</source>
        <translation>Die Rückverschiebung planen (Sie sehen diesen Plan, bevor er ausgeführt wird)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Ausfüh&amp;ren</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Stop after the current step; replication stopped by the plan is restarted</source>
        <translation>Nach dem aktuellen Schritt anhalten; vom Plan gestoppte Replikation wird wieder gestartet</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>RegisterCandidateDialog</name>
    <message>
        <source>Register as candidate</source>
        <translation>Als Kandidat registrieren</translation>
    </message>
    <message>
        <source>Promotion &amp;rule:</source>
        <translation>Beförderungs&amp;regel:</translation>
    </message>
</context>
<context>
    <name>ResolveFlagRules</name>
    <message>
        <source>an FQDN resolved to a bare name (%1 → %2)</source>
        <translation>ein FQDN wurde zu einem Kurznamen aufgelöst (%1 → %2)</translation>
    </message>
    <message>
        <source>resolved to a prefix of the name asked (%1 → %2)</source>
        <translation>zu einem Präfix des angefragten Namens aufgelöst (%1 → %2)</translation>
    </message>
    <message>
        <source>no known instance answers to %1</source>
        <translation>keine bekannte Instanz antwortet auf %1</translation>
    </message>
    <message>
        <source>%1 and %2 resolve to one another</source>
        <translation>%1 und %2 werden gegenseitig aufeinander aufgelöst</translation>
    </message>
    <message>
        <source>expired (older than ExpiryHostnameResolvesMinutes)</source>
        <translation>abgelaufen (älter als ExpiryHostnameResolvesMinutes)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Polling</source>
        <translation>&amp;Abfrage</translation>
    </message>
    <message>
        <source>Poll every:</source>
        <translation>Abfrage alle:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>InstancePollSeconds: how often each instance is probed</source>
        <translation>InstancePollSeconds: wie oft jede Instanz abgefragt wird</translation>
    </message>
    <message>
        <source>Connect timeout:</source>
        <translation>Verbindungs-Timeout:</translation>
    </message>
    <message>
        <source>MySQLConnectTimeoutSeconds</source>
        <translation>MySQLConnectTimeoutSeconds</translation>
    </message>
    <message>
        <source>Read timeout while probing:</source>
        <translation>Lese-Timeout bei der Abfrage:</translation>
    </message>
    <message>
        <source>MySQLDiscoveryReadTimeoutSeconds</source>
        <translation>MySQLDiscoveryReadTimeoutSeconds</translation>
    </message>
    <message>
        <source>Find replicas with SHOW SLAVE HOSTS</source>
        <translation>Replicas mit SHOW SLAVE HOSTS finden</translation>
    </message>
    <message>
        <source>DiscoverByShowSlaveHosts: needs report_host on every replica; otherwise replicas are found in the processlist</source>
        <translation>DiscoverByShowSlaveHosts: erfordert report_host auf jeder Replica; sonst werden Replicas über die Prozessliste gefunden</translation>
    </message>
    <message>
        <source>An instance that does not answer within the timeouts is shown as unreachable until the next poll.</source>
        <translation>Eine Instanz, die nicht innerhalb der Timeouts antwortet, wird bis zur nächsten Abfrage als nicht erreichbar angezeigt.</translation>
    </message>
    <message>
        <source>&amp;Thresholds &amp;&amp; lag</source>
        <translation>&amp;Schwellenwerte &amp;&amp; Verzögerung</translation>
    </message>
    <message>
        <source>Reasonable lag:</source>
        <translation>Akzeptable Verzögerung:</translation>
    </message>
    <message>
        <source>ReasonableReplicationLagSeconds: more than this shows a replica as lagging</source>
        <translation>ReasonableReplicationLagSeconds: darüber gilt eine Replica als verzögert</translation>
    </message>
    <message>
        <source>Reasonable lag for moves:</source>
        <translation>Akzeptable Verzögerung für Verschiebungen:</translation>
    </message>
    <message>
        <source>ReasonableMaintenanceReplicationLagSeconds: binlog file:pos moves are refused for replicas lagging more than this</source>
        <translation>ReasonableMaintenanceReplicationLagSeconds: Verschiebungen per binlog file:pos werden für Replicas mit größerer Verzögerung abgelehnt</translation>
    </message>
    <message>
        <source>Maintenance locks expire after:</source>
        <translation>Wartungssperren laufen ab nach:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>MaintenanceExpireMinutes</source>
        <translation>MaintenanceExpireMinutes</translation>
    </message>
    <message>
        <source>Lag query:</source>
        <translation>Lag-Abfrage:</translation>
    </message>
    <message>
        <source>e.g. SELECT GREATEST(0, TIMESTAMPDIFF(SECOND, MAX(ts), UTC_TIMESTAMP())) FROM heartbeat.heartbeat</source>
        <translation>z. B. SELECT GREATEST(0, TIMESTAMPDIFF(SECOND, MAX(ts), UTC_TIMESTAMP())) FROM heartbeat.heartbeat</translation>
    </message>
    <message>
        <source>ReplicationLagQuery</source>
        <translation>ReplicationLagQuery</translation>
    </message>
    <message>
        <source>The lag query runs on every replica and returns one number of seconds (pt-heartbeat, for instance). Empty: Seconds_Behind_Master is used.</source>
        <translation>Die Lag-Abfrage läuft auf jeder Replica und liefert eine Anzahl Sekunden (z. B. über pt-heartbeat). Leer: Seconds_Behind_Master wird verwendet.</translation>
    </message>
    <message>
        <source>&amp;Names</source>
        <translation>&amp;Namen</translation>
    </message>
    <message>
        <source>Resolve host names:</source>
        <translation>Hostnamen auflösen:</translation>
    </message>
    <message>
        <source>Name an instance by:</source>
        <translation>Instanz benennen nach:</translation>
    </message>
    <message>
        <source>Keep resolved names for:</source>
        <translation>Aufgelöste Namen behalten für:</translation>
    </message>
    <message>
        <source>ExpiryHostnameResolvesMinutes</source>
        <translation>ExpiryHostnameResolvesMinutes</translation>
    </message>
    <message>
        <source>&amp;Backend</source>
        <translation>&amp;Backend</translation>
    </message>
    <message>
        <source>Store topology data in:</source>
        <translation>Topologiedaten speichern in:</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>Data file:</source>
        <translation>Datendatei:</translation>
    </message>
    <message>
        <source>empty: in your data folder</source>
        <translation>leer: in Ihrem Datenordner</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>MySQL (orchestrator&apos;s backend database)</source>
        <translation>MySQL (Backend-Datenbank von orchestrator)</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Credentials file:</source>
        <translation>Datei mit Zugangsdaten:</translation>
    </message>
    <message>
        <source>MySQL option file; overrides user and password</source>
        <translation>MySQL-Optionsdatei; hat Vorrang vor Benutzer und Passwort</translation>
    </message>
    <message>
        <source>&amp;Credentials</source>
        <translation>&amp;Zugangsdaten</translation>
    </message>
    <message>
        <source>Database instances</source>
        <translation>Datenbankinstanzen</translation>
    </message>
    <message>
        <source>MySQL option file:</source>
        <translation>MySQL-Optionsdatei:</translation>
    </message>
    <message>
        <source>e.g. ~/.my.cnf</source>
        <translation>z. B. ~/.my.cnf</translation>
    </message>
    <message>
        <source>The option file&apos;s [client] user, password and ssl-* settings take precedence over the ones below.</source>
        <translation>Die Einstellungen user, password und ssl-* im Abschnitt [client] der Optionsdatei haben Vorrang vor den folgenden.</translation>
    </message>
    <message>
        <source>Save the passwords in the configuration file</source>
        <translation>Passwörter in der Konfigurationsdatei speichern</translation>
    </message>
    <message>
        <source>Off: passwords are kept in memory until Topograph closes</source>
        <translation>Aus: Passwörter bleiben nur im Speicher, bis Topograph beendet wird</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA-Zertifikat:</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Client-Schlüssel:</translation>
    </message>
    <message>
        <source>Use mutual TLS (send the client certificate)</source>
        <translation>Gegenseitiges TLS verwenden (Client-Zertifikat senden)</translation>
    </message>
    <message>
        <source>Skip verifying the server&apos;s certificate (unsafe)</source>
        <translation>Prüfung des Serverzertifikats überspringen (unsicher)</translation>
    </message>
    <message>
        <source>&amp;Safety</source>
        <translation>S&amp;icherheit</translation>
    </message>
    <message>
        <source>Read-only mode: never change a topology</source>
        <translation>Nur-Lese-Modus: nie eine Topologie ändern</translation>
    </message>
    <message>
        <source>In read-only mode every operation that changes replication (moves, start/stop replication, read_only, maintenance) is disabled, with this as the reason. Discovery and polling still run.</source>
        <translation>Im Nur-Lese-Modus ist jede Operation, die die Replikation ändert (Verschiebungen, Replikation starten/stoppen, read_only, Wartung), deaktiviert, mit diesem Modus als Begründung. Erkennung und Abfrage laufen weiter.</translation>
    </message>
    <message>
        <source>Save to the configuration file</source>
        <translation>In der Konfigurationsdatei speichern</translation>
    </message>
    <message>
        <source>Names that resolve differently over time (DNS drift) create ghost clusters, which the clusters list marks. Until the resolve-cache panel lands, list the cache with topograph-cli -c show-resolve-hosts and empty it with -c reset-hostname-resolve-cache.</source>
        <translation>Namen, die sich mit der Zeit anders auflösen (DNS-Drift), erzeugen Geister-Cluster, die die Clusterliste markiert. Bis es das Auflösungs-Cache-Panel gibt, zeigt topograph-cli -c show-resolve-hosts den Cache, und -c reset-hostname-resolve-cache leert ihn.</translation>
    </message>
    <message>
        <source>Who polls:</source>
        <translation>Wer abfragt:</translation>
    </message>
</context>
<context>
    <name>SnapshotAssembler</name>
    <message>
        <source>Cannot read the cluster aliases: %1</source>
        <translation>Die Cluster-Aliasse können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the maintenance locks: %1</source>
        <translation>Die Wartungssperren können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the promotion rules: %1</source>
        <translation>Die Beförderungsregeln können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the resolve cache: %1</source>
        <translation>Der Auflösungscache kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the recorded equivalent positions: %1</source>
        <translation>Die aufgezeichneten äquivalenten Positionen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the replication analysis: %1</source>
        <translation>Die Replikationsanalyse kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>TopologyItems</name>
    <message>
        <source>%1 and %2 are co-masters: %3</source>
        <translation>%1 und %2 sind Co-Master: %3</translation>
    </message>
    <message>
        <source>%1 replicates from %2: %3</source>
        <translation>%1 repliziert von %2: %3</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>See and change MySQL/MariaDB replication topologies.</source>
        <translation>MySQL/MariaDB-Replikationstopologien ansehen und ändern.</translation>
    </message>
    <message>
        <source>Use the configuration FILE.</source>
        <translation>Die Konfigurationsdatei FILE verwenden.</translation>
    </message>
    <message>
        <source>Log debug messages to stderr.</source>
        <translation>Debug-Meldungen auf stderr ausgeben.</translation>
    </message>
    <message>
        <source>Topograph</source>
        <translation>Topograph</translation>
    </message>
    <message>
        <source>Discover the instance HOST:PORT and show its cluster.</source>
        <translation>Die Instanz HOST:PORT erkennen und ihren Cluster anzeigen.</translation>
    </message>
</context>
<context>
    <name>topograph::AuditListModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>topograph::AuditPanel</name>
    <message>
        <source>Filter the audit log (any column)</source>
        <translation>Audit-Protokoll filtern (jede Spalte)</translation>
    </message>
    <message>
        <source>Every instance</source>
        <translation>Alle Instanzen</translation>
    </message>
    <message>
        <source>The selected instance</source>
        <translation>Die ausgewählte Instanz</translation>
    </message>
    <message>
        <source>The selected instance&apos;s cluster</source>
        <translation>Der Cluster der ausgewählten Instanz</translation>
    </message>
    <message>
        <source>Which rows to list: all, or those of the selected instance or of its cluster</source>
        <translation>Welche Zeilen aufgeführt werden: alle, oder die der ausgewählten Instanz oder ihres Clusters</translation>
    </message>
    <message>
        <source>Double-click a row to select its instance</source>
        <translation>Doppelklick auf eine Zeile wählt ihre Instanz aus</translation>
    </message>
</context>
<context>
    <name>topograph::ClusterListModel</name>
    <message>
        <source>The cluster&apos;s alias, or its name when it has none</source>
        <translation>Der Alias des Clusters oder, wenn er keinen hat, sein Name</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>The cluster&apos;s primary (its root master)</source>
        <translation>Die Primary des Clusters (ihr oberster Master)</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primary</translation>
    </message>
    <message>
        <source>Instances in the cluster</source>
        <translation>Instanzen im Cluster</translation>
    </message>
    <message>
        <source>Instances that are not replicating normally, lagging or unreachable</source>
        <translation>Instanzen, die nicht normal replizieren, verzögert oder nicht erreichbar sind</translation>
    </message>
    <message>
        <source>Instances whose last check failed</source>
        <translation>Instanzen, deren letzte Prüfung fehlgeschlagen ist</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n Instanz</numerusform>
            <numerusform>%n Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) with problems</source>
        <translation>
            <numerusform>%n Instanz mit Problemen</numerusform>
            <numerusform>%n Instanzen mit Problemen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) unreachable</source>
        <translation>
            <numerusform>%n Instanz nicht erreichbar</numerusform>
            <numerusform>%n Instanzen nicht erreichbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Oldest check: %1</source>
        <translation>Älteste Prüfung: %1</translation>
    </message>
    <message>
        <source>Ghost cluster: it exists only because a host name failed to match (a primary never validly checked, or a replica whose master is unknown). Check the resolve cache, or forget it.</source>
        <translation>Geistercluster: Er existiert nur, weil ein Hostname nicht zugeordnet werden konnte (eine nie gültig geprüfte Primary oder eine Replica mit unbekanntem Master). Prüfen Sie den Auflösungscache oder vergessen Sie ihn.</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message numerus="yes">
        <source>%n with stale heartbeat rows (fake lag)</source>
        <translation>
            <numerusform>%n mit veralteten Heartbeat-Zeilen (Schein-Verzögerung)</numerusform>
            <numerusform>%n mit veralteten Heartbeat-Zeilen (Schein-Verzögerung)</numerusform>
        </translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>What the replication analysis reports for the cluster (see the Problems dock)</source>
        <translation>Was die Replikationsanalyse für den Cluster meldet (siehe Dock „Probleme“)</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
</context>
<context>
    <name>topograph::ClusterListPanel</name>
    <message>
        <source>Filter clusters (alias, name, primary)</source>
        <translation>Cluster filtern (Alias, Name, Primary)</translation>
    </message>
    <message>
        <source>Forget &amp;ghost cluster…</source>
        <translation>&amp;Geister-Cluster vergessen…</translation>
    </message>
    <message>
        <source>Remove every instance of this ghost cluster and the resolve entries that made it, in one step</source>
        <translation>Jede Instanz dieses Geister-Clusters und die Auflösungseinträge, die ihn erzeugt haben, in einem Schritt entfernen</translation>
    </message>
    <message>
        <source>Only a ghost cluster (a name that failed to match) can be forgotten as a whole</source>
        <translation>Nur ein Geister-Cluster (ein Name, der nicht zugeordnet werden konnte) kann als Ganzes vergessen werden</translation>
    </message>
</context>
<context>
    <name>topograph::DestinationListModel</name>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1 — with warnings: %2</source>
        <translation>%1 — mit Warnungen: %2</translation>
    </message>
</context>
<context>
    <name>topograph::DestinationPickerDialog</name>
    <message>
        <source>Show the plan</source>
        <translation>Plan anzeigen</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>Nichts passt zu „%1“.</translation>
    </message>
    <message>
        <source>The planner refuses every destination shown.</source>
        <translation>Der Planer lehnt jedes angezeigte Ziel ab.</translation>
    </message>
</context>
<context>
    <name>topograph::DiscoverDialog</name>
    <message>
        <source>host:port, host (port %1), [ipv6]:port or [ipv6]</source>
        <translation>host:port, host (Port %1), [ipv6]:port oder [ipv6]</translation>
    </message>
    <message>
        <source>User and password from Topograph&apos;s configuration</source>
        <translation>Benutzer und Passwort aus der Topograph-Konfiguration</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>unreachable: %1</source>
        <translation>nicht erreichbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>Discovered %n instance(s).</source>
        <translation>
            <numerusform>%n Instanz erkannt.</numerusform>
            <numerusform>%n Instanzen erkannt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discovery failed: %1</source>
        <translation>Erkennung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Type the instance to start from, as host:port.</source>
        <translation>Geben Sie die Startinstanz als host:port ein.</translation>
    </message>
    <message>
        <source>Not an instance: %1</source>
        <translation>Keine gültige Instanz: %1</translation>
    </message>
    <message>
        <source>Choose the MySQL option file to read.</source>
        <translation>Wählen Sie die zu lesende MySQL-Optionsdatei.</translation>
    </message>
    <message>
        <source>Type the user to connect as.</source>
        <translation>Geben Sie den Benutzer für die Verbindung ein.</translation>
    </message>
    <message>
        <source>Discovering from %1…</source>
        <translation>Erkennung ab %1 läuft…</translation>
    </message>
    <message>
        <source>MySQL option file</source>
        <translation>MySQL-Optionsdatei</translation>
    </message>
    <message>
        <source>MySQL option files (*.cnf *.ini);;All files (*)</source>
        <translation>MySQL-Optionsdateien (*.cnf *.ini);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Found instances: %1</source>
        <translation>Gefundene Instanzen: %1</translation>
    </message>
    <message numerus="yes">
        <source> (%n unreachable)</source>
        <translation>
            <numerusform> (%n nicht erreichbar)</numerusform>
            <numerusform> (%n nicht erreichbar)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topograph::DragController</name>
    <message>
        <source>Cannot move %1 below %2: %3</source>
        <translation>%1 kann nicht unter %2 verschoben werden: %3</translation>
    </message>
</context>
<context>
    <name>topograph::FindBar</name>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>part of a host name, an alias or a cluster alias</source>
        <translation>Teil eines Hostnamens, Alias oder Cluster-Alias</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe, Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Nächster Treffer (Eingabe, F3)</translation>
    </message>
    <message>
        <source>Close the find bar (Escape)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>topograph::FleetEngine</name>
    <message>
        <source>A discovery from %1 is already running.</source>
        <translation>Eine Erkennung von %1 aus läuft bereits.</translation>
    </message>
    <message>
        <source>%1 matches DiscoveryIgnoreHostnameFilters.</source>
        <translation>%1 passt zu DiscoveryIgnoreHostnameFilters.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Cannot discover from the seed: %1</source>
        <translation>Erkennung ab der Startinstanz nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot record the host names resolved while discovering: %1</source>
        <translation>Die bei der Erkennung aufgelösten Hostnamen können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Discovered, but the backend write failed.</source>
        <translation>Erkannt, aber das Schreiben ins Backend ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Cannot write to the backend: %1</source>
        <translation>Schreiben ins Backend nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>topograph::FleetWorker</name>
    <message>
        <source>Cannot open the backend: %1</source>
        <translation>Backend kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The backend is not open.</source>
        <translation>Das Backend ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>discover</source>
        <translation>Erkennung</translation>
    </message>
    <message>
        <source>Discovery writes to the backend, which is read-only.</source>
        <translation>Die Erkennung schreibt ins Backend, das aber schreibgeschützt ist.</translation>
    </message>
    <message>
        <source>forget %1</source>
        <translation>Vergessen von %1</translation>
    </message>
    <message>
        <source>begin maintenance on %1</source>
        <translation>Wartungsbeginn für %1</translation>
    </message>
    <message>
        <source>end maintenance on %1</source>
        <translation>Wartungsende für %1</translation>
    </message>
    <message>
        <source>Read-only mode: cannot %1.</source>
        <translation>Nur-Lese-Modus: %1 nicht möglich.</translation>
    </message>
    <message>
        <source>Cannot %1: %2</source>
        <translation>%1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Cannot read the backend: %1</source>
        <translation>Backend kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>Das Audit-Protokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Read-only mode: cannot forget the cluster %1.</source>
        <translation>Nur-Lese-Modus: der Cluster %1 kann nicht vergessen werden.</translation>
    </message>
    <message>
        <source>Forgot the cluster %1</source>
        <translation>Cluster %1 vergessen</translation>
    </message>
    <message>
        <source>forget and ignore %1</source>
        <translation>%1 vergessen und ignorieren</translation>
    </message>
    <message>
        <source>delete the resolve entry of %1</source>
        <translation>den Auflösungseintrag von %1 löschen</translation>
    </message>
    <message>
        <source>delete the unresolve entry of %1</source>
        <translation>den Unresolve-Eintrag von %1 löschen</translation>
    </message>
    <message>
        <source>reset the hostname resolve cache</source>
        <translation>den Hostnamen-Auflösungscache zurücksetzen</translation>
    </message>
    <message>
        <source>register %1 as a candidate</source>
        <translation>%1 als Kandidat registrieren</translation>
    </message>
</context>
<context>
    <name>topograph::FreshnessWatch</name>
    <message>
        <source>Cannot tell whether orchestrator keeps the backend fresh (%1): polling</source>
        <translation>Nicht feststellbar, ob orchestrator das Backend aktuell hält (%1): Topograph fragt ab</translation>
    </message>
</context>
<context>
    <name>topograph::InstanceDetailsModel</name>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Flavor</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Server ID</source>
        <translation>Server-ID</translation>
    </message>
    <message>
        <source>Server UUID</source>
        <translation>Server-UUID</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Betriebszeit</translation>
    </message>
    <message>
        <source>read_only</source>
        <translation>read_only</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 (lag %2)</source>
        <translation>%1 (Verzögerung %2)</translation>
    </message>
    <message>
        <source>%1 (lag %2)
%3</source>
        <translation>%1 (Verzögerung %2)
%3</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Zuletzt geprüft</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Check latency</source>
        <translation>Prüflatenz</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <source>Master</source>
        <translation>Master</translation>
    </message>
    <message>
        <source>none (not a replica)</source>
        <translation>keiner (keine Replica)</translation>
    </message>
    <message>
        <source>Master UUID</source>
        <translation>Master-UUID</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>IO thread</source>
        <translation>IO-Thread</translation>
    </message>
    <message>
        <source>SQL thread</source>
        <translation>SQL-Thread</translation>
    </message>
    <message>
        <source>Last IO error</source>
        <translation>Letzter IO-Fehler</translation>
    </message>
    <message>
        <source>Last SQL error</source>
        <translation>Letzter SQL-Fehler</translation>
    </message>
    <message>
        <source>Seconds_Behind_Master</source>
        <translation>Seconds_Behind_Master</translation>
    </message>
    <message>
        <source>Measured lag</source>
        <translation>Gemessene Verzögerung</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>Lag from ReplicationLagQuery (e.g. pt-heartbeat), when configured</source>
        <translation>Verzögerung laut ReplicationLagQuery (z. B. pt-heartbeat), falls konfiguriert</translation>
    </message>
    <message>
        <source>SQL delay</source>
        <translation>Verzögerte Replikation</translation>
    </message>
    <message>
        <source>Replication depth</source>
        <translation>Replikationstiefe</translation>
    </message>
    <message>
        <source>Co-master</source>
        <translation>Co-Master</translation>
    </message>
    <message>
        <source>Replication filters</source>
        <translation>Replikationsfilter</translation>
    </message>
    <message>
        <source>TLS to master</source>
        <translation>TLS zum Master</translation>
    </message>
    <message>
        <source>Semi-sync</source>
        <translation>Semi-Sync</translation>
    </message>
    <message>
        <source>master %1, replica %2</source>
        <translation>Master %1, Replica %2</translation>
    </message>
    <message>
        <source>Binary log</source>
        <translation>Binärlog</translation>
    </message>
    <message>
        <source>log_bin</source>
        <translation>log_bin</translation>
    </message>
    <message>
        <source>log_slave_updates</source>
        <translation>log_slave_updates</translation>
    </message>
    <message>
        <source>binlog_format</source>
        <translation>binlog_format</translation>
    </message>
    <message>
        <source>binlog_row_image</source>
        <translation>binlog_row_image</translation>
    </message>
    <message>
        <source>Own binlog</source>
        <translation>Eigenes Binlog</translation>
    </message>
    <message>
        <source>SHOW MASTER STATUS: this instance&apos;s own binary log position</source>
        <translation>SHOW MASTER STATUS: die eigene Binärlog-Position dieser Instanz</translation>
    </message>
    <message>
        <source>Read from master</source>
        <translation>Vom Master gelesen</translation>
    </message>
    <message>
        <source>Master_Log_File:Read_Master_Log_Pos: how far the IO thread has read</source>
        <translation>Master_Log_File:Read_Master_Log_Pos: wie weit der IO-Thread gelesen hat</translation>
    </message>
    <message>
        <source>Executed from master</source>
        <translation>Vom Master ausgeführt</translation>
    </message>
    <message>
        <source>Relay_Master_Log_File:Exec_Master_Log_Pos: how far the SQL thread has executed</source>
        <translation>Relay_Master_Log_File:Exec_Master_Log_Pos: wie weit der SQL-Thread ausgeführt hat</translation>
    </message>
    <message>
        <source>Relay log</source>
        <translation>Relay-Log</translation>
    </message>
    <message>
        <source>GTID</source>
        <translation>GTID</translation>
    </message>
    <message>
        <source>no (binlog file:pos)</source>
        <translation>nein (binlog file:pos)</translation>
    </message>
    <message>
        <source>MariaDB GTID (Using_Gtid=%1)</source>
        <translation>MariaDB GTID (Using_Gtid=%1)</translation>
    </message>
    <message>
        <source>MySQL GTID (Auto_Position=1)</source>
        <translation>MySQL GTID (Auto_Position=1)</translation>
    </message>
    <message>
        <source>Replicates by GTID</source>
        <translation>Repliziert per GTID</translation>
    </message>
    <message>
        <source>gtid_current_pos</source>
        <translation>gtid_current_pos</translation>
    </message>
    <message>
        <source>gtid_slave_pos</source>
        <translation>gtid_slave_pos</translation>
    </message>
    <message>
        <source>gtid_binlog_pos</source>
        <translation>gtid_binlog_pos</translation>
    </message>
    <message>
        <source>gtid_mode</source>
        <translation>gtid_mode</translation>
    </message>
    <message>
        <source>Executed_Gtid_Set</source>
        <translation>Executed_Gtid_Set</translation>
    </message>
    <message>
        <source>gtid_purged</source>
        <translation>gtid_purged</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Cluster alias</source>
        <translation>Cluster-Alias</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replicas</translation>
    </message>
    <message>
        <source>Replica list</source>
        <translation>Replica-Liste</translation>
    </message>
    <message>
        <source>Data center</source>
        <translation>Rechenzentrum</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>active (lock %1)</source>
        <translation>aktiv (Sperre %1)</translation>
    </message>
    <message>
        <source>%1 d %2 h %3 min</source>
        <translation>%1 d %2 h %3 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message>
        <source>%1 (now)</source>
        <translation>%1 (jetzt)</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (vor %2)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>topograph::InstanceDetailsPanel</name>
    <message>
        <source>&lt;i&gt;No instance selected.&lt;/i&gt; Select one on the canvas.</source>
        <translation>&lt;i&gt;Keine Instanz ausgewählt.&lt;/i&gt; Wählen Sie eine auf der Arbeitsfläche aus.</translation>
    </message>
    <message>
        <source>in maintenance</source>
        <translation>in Wartung</translation>
    </message>
    <message>
        <source>&amp;Copy value</source>
        <translation>Wert &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>topograph::LagChartPanel</name>
    <message>
        <source>&amp;Selected only</source>
        <translation>Nur &amp;Auswahl</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>over the threshold</source>
        <translation>über dem Schwellwert</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation>6 Stunden</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>How far back the chart goes</source>
        <translation>Wie weit das Diagramm zurückreicht</translation>
    </message>
    <message>
        <source>Heartbeat lag</source>
        <translation>Heartbeat-Verzögerung</translation>
    </message>
    <message>
        <source>Seconds_Behind_Master</source>
        <translation>Seconds_Behind_Master</translation>
    </message>
    <message>
        <source>Lag measured with pt-heartbeat (or the lag query), or the replica&apos;s own Seconds_Behind_Master</source>
        <translation>Verzögerung, gemessen mit pt-heartbeat (oder der Lag-Abfrage), oder das eigene Seconds_Behind_Master der Replica</translation>
    </message>
    <message>
        <source>Only the instance selected on the canvas</source>
        <translation>Nur die auf der Zeichenfläche ausgewählte Instanz</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG image</source>
        <translation>Das Diagramm als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save the samples of the window as CSV</source>
        <translation>Die Messwerte des Zeitfensters als CSV speichern</translation>
    </message>
    <message>
        <source>%1
%2
%3</source>
        <translation>%1
%2
%3</translation>
    </message>
    <message>
        <source>over %1 s</source>
        <translation>über %1 s</translation>
    </message>
    <message>
        <source>Save the lag chart</source>
        <translation>Verzögerungsdiagramm speichern</translation>
    </message>
    <message>
        <source>Save the lag samples</source>
        <translation>Verzögerungs-Messwerte speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>&amp;Clean stale heartbeat rows…</source>
        <translation>Veraltete Heartbeat-Zeilen &amp;entfernen…</translation>
    </message>
    <message>
        <source>Delete the stale rows on every instance of the cluster, unlogged, after a plan preview</source>
        <translation>Die veralteten Zeilen auf jeder Instanz des Clusters ohne Binärlog löschen, nach einer Planvorschau</translation>
    </message>
    <message>
        <source>⚠ Fake lag: %1.</source>
        <translation>⚠ Schein-Verzögerung: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>stale heartbeat rows of server_id %1 on every instance (%2)</source>
        <translation>veraltete Heartbeat-Zeilen von server_id %1 auf jeder Instanz (%2)</translation>
    </message>
    <message>
        <source>stale heartbeat rows of server_id %1 on %2</source>
        <translation>veraltete Heartbeat-Zeilen von server_id %1 auf %2</translation>
    </message>
    <message>
        <source>the primary&apos;s heartbeat row does not advance on %1 (pt-heartbeat stopped?)</source>
        <translation>die Heartbeat-Zeile des Primary schreitet auf %1 nicht voran (pt-heartbeat gestoppt?)</translation>
    </message>
</context>
<context>
    <name>topograph::LagWorker</name>
    <message>
        <source>Lag history: %1</source>
        <translation>Lag-Verlauf: %1</translation>
    </message>
    <message>
        <source>Lag cannot be sampled: %1</source>
        <translation>Lag kann nicht gemessen werden: %1</translation>
    </message>
</context>
<context>
    <name>topograph::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Topograph</source>
        <translation>&amp;Über Topograph</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Read-only mode: Topograph changes nothing (toggle with Ctrl+Shift+R).</source>
        <translation>Nur-Lese-Modus: Topograph ändert nichts (umschalten mit Strg+Umschalt+R).</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Instance details</source>
        <translation>Instanzdetails</translation>
    </message>
    <message>
        <source>Discovering %1…</source>
        <translation>Erkennung ab %1 läuft…</translation>
    </message>
    <message>
        <source>Discovery from %1 failed: %2</source>
        <translation>Erkennung ab %1 fehlgeschlagen: %2</translation>
    </message>
    <message numerus="yes">
        <source>Discovered %n instance(s) from %1</source>
        <translation>
            <numerusform>%n Instanz ab %1 erkannt</numerusform>
            <numerusform>%n Instanzen ab %1 erkannt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not known: discover it first (Ctrl+D)</source>
        <translation>%1 ist unbekannt: zuerst erkennen (Strg+D)</translation>
    </message>
    <message>
        <source>Polling stopped</source>
        <translation>Abfrage gestoppt</translation>
    </message>
    <message numerus="yes">
        <source>Polling %n instance(s) every %1 s</source>
        <translation>
            <numerusform>%n Instanz wird alle %1 s abgefragt</numerusform>
            <numerusform>%n Instanzen werden alle %1 s abgefragt</numerusform>
        </translation>
    </message>
    <message>
        <source> · last round: %1 probed, %2 unreachable, %3 ms</source>
        <translation> · letzte Runde: %1 abgefragt, %2 nicht erreichbar, %3 ms</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>Noch keine Daten</translation>
    </message>
    <message>
        <source>Data age: %1 s</source>
        <translation>Datenalter: %1 s</translation>
    </message>
    <message>
        <source>Oldest check of the shown cluster: %1</source>
        <translation>Älteste Prüfung im angezeigten Cluster: %1</translation>
    </message>
    <message>
        <source>Read-only mode: changes are disabled (View ▸ Read-only mode, Ctrl+Shift+R).</source>
        <translation>Nur-Lese-Modus: Änderungen sind deaktiviert (Ansicht ▸ Nur-Lese-Modus, Strg+Umschalt+R).</translation>
    </message>
    <message>
        <source>The backend is read-only: %1</source>
        <translation>Das Backend ist schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Discover a topology from one instance</source>
        <translation>Topologie ausgehend von einer Instanz erkennen</translation>
    </message>
    <message>
        <source>Drop to relocate %1 here (%2)</source>
        <translation>Ablegen, um %1 hierher umzuhängen (%2)</translation>
    </message>
    <message>
        <source>%1: done, end state verified</source>
        <translation>%1: abgeschlossen, Endzustand verifiziert</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>&amp;Discover…</source>
        <translation>&amp;Erkennen…</translation>
    </message>
    <message>
        <source>&amp;Find instance…</source>
        <translation>Instanz &amp;suchen…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Read-&amp;only mode</source>
        <translation>&amp;Nur-Lese-Modus</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>Polling every instance now…</source>
        <translation>Alle Instanzen werden jetzt abgefragt…</translation>
    </message>
    <message>
        <source>Read-only mode on</source>
        <translation>Nur-Lese-Modus ein</translation>
    </message>
    <message>
        <source>Read-only mode off</source>
        <translation>Nur-Lese-Modus aus</translation>
    </message>
    <message>
        <source>An operation is running: settings apply after it ends.</source>
        <translation>Eine Operation läuft: Die Einstellungen gelten nach ihrem Ende.</translation>
    </message>
    <message>
        <source>option file %1</source>
        <translation>Optionsdatei %1</translation>
    </message>
    <message>
        <source>none configured</source>
        <translation>keine konfiguriert</translation>
    </message>
    <message>
        <source>user %1 from the configuration</source>
        <translation>Benutzer %1 aus der Konfiguration</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Cannot save the configuration: %1</source>
        <translation>Konfiguration kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>An operation is running</source>
        <translation>Eine Operation läuft</translation>
    </message>
    <message>
        <source>Closing Topograph cancels the running operation; the replication it stopped is restarted first. Close anyway?</source>
        <translation>Beim Schließen von Topograph wird die laufende Operation abgebrochen; die von ihr gestoppte Replikation wird vorher wieder gestartet. Trotzdem schließen?</translation>
    </message>
    <message>
        <source>%1 — check the backend in File ▸ Settings (Ctrl+,).</source>
        <translation>%1 — prüfen Sie das Backend unter Datei ▸ Einstellungen (Strg+,).</translation>
    </message>
    <message>
        <source>An operation is running: wait for it to end.</source>
        <translation>Eine Operation läuft: Warten Sie, bis sie endet.</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>&amp;Nächsten suchen</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>&amp;Vorherigen suchen</translation>
    </message>
    <message>
        <source>&amp;Move back</source>
        <translation>&amp;Zurückverschieben</translation>
    </message>
    <message>
        <source>Plan the reverse of the last move of this session (you see the plan before it runs)</source>
        <translation>Die Umkehrung der letzten Verschiebung dieser Sitzung planen (Sie sehen den Plan, bevor er läuft)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Operation &amp;history</source>
        <translation>Operations&amp;verlauf</translation>
    </message>
    <message>
        <source>&amp;Instance</source>
        <translation>&amp;Instanz</translation>
    </message>
    <message>
        <source>&amp;Move back: %1</source>
        <translation>&amp;Zurückverschieben: %1</translation>
    </message>
    <message>
        <source>No operation in this session yet</source>
        <translation>Noch keine Operation in dieser Sitzung</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>moved back</source>
        <translation>zurückverschoben</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>%1  %2 — %3</source>
        <translation>%1  %2 — %3</translation>
    </message>
    <message>
        <source>Move %1 back below %2 (shows the plan first)</source>
        <translation>%1 zurück unter %2 verschieben (zeigt zuerst den Plan)</translation>
    </message>
    <message>
        <source>Nothing to move back</source>
        <translation>Nichts zurückzuverschieben</translation>
    </message>
    <message>
        <source>Replication lag</source>
        <translation>Replikationsverzögerung</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>Resolve cache</source>
        <translation>Auflösungscache</translation>
    </message>
    <message>
        <source>No known instance uses these names</source>
        <translation>Keine bekannte Instanz verwendet diese Namen</translation>
    </message>
    <message>
        <source>Used by %1</source>
        <translation>Verwendet von %1</translation>
    </message>
    <message>
        <source>Forget instances</source>
        <translation>Instanzen vergessen</translation>
    </message>
    <message>
        <source>%1

Forget %2? Each is asked for in turn.</source>
        <translation>%1

%2 vergessen? Jede wird einzeln bestätigt.</translation>
    </message>
    <message>
        <source>Not polling: orchestrator on %1 keeps the backend fresh</source>
        <translation>Keine Abfrage: orchestrator auf %1 hält das Backend aktuell</translation>
    </message>
    <message>
        <source>An orchestrator service is active on this backend: Topograph shows its rows and polls again when it stops (BackendPolling: auto).</source>
        <translation>Auf diesem Backend läuft ein orchestrator-Dienst: Topograph zeigt dessen Zeilen und fragt wieder selbst ab, wenn er anhält (BackendPolling: auto).</translation>
    </message>
    <message>
        <source>Not polling (BackendPolling: never): the backend&apos;s rows as they are</source>
        <translation>Keine Abfrage (BackendPolling: never): die Zeilen des Backends, wie sie sind</translation>
    </message>
    <message>
        <source>%1: done on the servers and verified, but the backend could not be updated: %2</source>
        <translation>%1: auf den Servern ausgeführt und geprüft, aber das Backend konnte nicht aktualisiert werden: %2</translation>
    </message>
    <message>
        <source>The backend could not be updated either: %1</source>
        <translation>Auch das Backend konnte nicht aktualisiert werden: %1</translation>
    </message>
</context>
<context>
    <name>topograph::OperationController</name>
    <message>
        <source>Probing the instances of %1 and planning “%2”…</source>
        <translation>Die Instanzen von %1 werden abgefragt und „%2“ wird geplant…</translation>
    </message>
</context>
<context>
    <name>topograph::OperationDispatcher</name>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Probing %1…</source>
        <translation>%1 wird abgefragt…</translation>
    </message>
    <message>
        <source>An operation is running: wait for it to end.</source>
        <translation>Eine Operation läuft: Warten Sie, bis sie endet.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Where should %1 go? Type part of a name to filter, Up and Down to choose, Enter to see the plan. Greyed destinations are refused by the planner; select one to read why.</source>
        <translation>Wohin soll %1? Tippen Sie einen Teil eines Namens zum Filtern, wählen Sie mit Auf und Ab, Eingabe zeigt den Plan. Ausgegraute Ziele lehnt der Planer ab; wählen Sie eines, um den Grund zu lesen.</translation>
    </message>
    <message>
        <source>Forget %1</source>
        <translation>%1 vergessen</translation>
    </message>
    <message>
        <source>Begin maintenance</source>
        <translation>Wartung beginnen</translation>
    </message>
    <message>
        <source>Reason for the maintenance on %1 (it ends after %2 minutes):</source>
        <translation>Grund für die Wartung von %1 (endet nach %2 Minuten):</translation>
    </message>
    <message>
        <source>Maintenance needs a reason: nothing was changed.</source>
        <translation>Eine Wartung braucht einen Grund: Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Remove %1 from the backend? Polling stops for it; a live host comes back only when a discovery finds it again. &quot;Forget and ignore&quot; also adds it to DiscoveryIgnoreHostnameFilters in the configuration file, so that no discovery does.</source>
        <translation>%1 aus dem Backend entfernen? Die Abfrage dieser Instanz endet; ein lebender Host kommt nur zurück, wenn eine Erkennung ihn wieder findet. „Vergessen und ignorieren“ fügt ihn außerdem in der Konfigurationsdatei zu DiscoveryIgnoreHostnameFilters hinzu, sodass keine Erkennung das tut.</translation>
    </message>
    <message>
        <source>Forget and &amp;ignore</source>
        <translation>Vergessen und &amp;ignorieren</translation>
    </message>
    <message>
        <source>%1 is not a ghost cluster: forget its instances one by one, or use topograph-cli -c forget-cluster --force</source>
        <translation>%1 ist kein Geister-Cluster: vergessen Sie seine Instanzen einzeln, oder verwenden Sie topograph-cli -c forget-cluster --force</translation>
    </message>
    <message>
        <source>Forget ghost cluster %1</source>
        <translation>Geister-Cluster %1 vergessen</translation>
    </message>
    <message numerus="yes">
        <source>%1

Remove its %n instance(s) (%2) with their tags, maintenance, candidate and downtime rows, and the %3 resolve entries that made it? Polling stops for them and nothing brings them back but a discovery of these very names.</source>
        <translation>
            <numerusform>%1

Seine %n Instanz (%2) mit ihren Tag-, Wartungs-, Kandidaten- und Downtime-Zeilen und die %3 Auflösungseinträge, die ihn erzeugt haben, entfernen? Die Abfrage endet, und nur eine Erkennung genau dieser Namen bringt sie zurück.</numerusform>
            <numerusform>%1

Seine %n Instanzen (%2) mit ihren Tag-, Wartungs-, Kandidaten- und Downtime-Zeilen und die %3 Auflösungseinträge, die ihn erzeugt haben, entfernen? Die Abfrage endet, und nur eine Erkennung genau dieser Namen bringt sie zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>Forgetting the ghost cluster %1…</source>
        <translation>Geister-Cluster %1 wird vergessen…</translation>
    </message>
    <message>
        <source>Forgot the ghost cluster %1: %2</source>
        <translation>Geister-Cluster %1 vergessen: %2</translation>
    </message>
    <message>
        <source>Cannot forget %1: %2</source>
        <translation>%1 kann nicht vergessen werden: %2</translation>
    </message>
    <message>
        <source>These hosts still replicate in a live topology:
%1

Forget them anyway? They come back only when a discovery finds them again.</source>
        <translation>Diese Hosts replizieren noch in einer lebenden Topologie:
%1

Trotzdem vergessen? Sie kommen nur zurück, wenn eine Erkennung sie wieder findet.</translation>
    </message>
    <message>
        <source>Registering %1 as %2…</source>
        <translation>%1 wird als %2 registriert…</translation>
    </message>
</context>
<context>
    <name>topograph::OperationWorker</name>
    <message>
        <source>Cannot open the backend: %1</source>
        <translation>Backend kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Read-only mode: %1 was not run.</source>
        <translation>Nur-Lese-Modus: %1 wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <source>read-only mode is on</source>
        <translation>der Nur-Lese-Modus ist an</translation>
    </message>
    <message>
        <source>Nothing was restarted: %1.</source>
        <translation>Nichts wurde neu gestartet: %1.</translation>
    </message>
    <message>
        <source>Nothing was run: planned again from fresh probes when Run was pressed, it fails: %1</source>
        <translation>Nichts wurde ausgeführt: Beim Klick auf „Ausführen“ neu aus frischen Abfragen geplant, schlägt der Plan fehl: %1</translation>
    </message>
</context>
<context>
    <name>topograph::PlanPreviewDialog</name>
    <message>
        <source>Run this plan now (Alt+R). Enter never runs it.</source>
        <translation>Diesen Plan jetzt ausführen (Alt+R). Die Eingabetaste führt ihn nie aus.</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Erreichbar</translation>
    </message>
    <message>
        <source>Master</source>
        <translation>Master</translation>
    </message>
    <message>
        <source>IO thread</source>
        <translation>IO-Thread</translation>
    </message>
    <message>
        <source>SQL thread</source>
        <translation>SQL-Thread</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>Plan: %1</translation>
    </message>
    <message>
        <source>Probing the cluster…</source>
        <translation>Cluster wird abgefragt…</translation>
    </message>
    <message numerus="yes">
        <source>Method: %1 — %n step(s) on %2 instance(s)</source>
        <translation>
            <numerusform>Methode: %1 — %n Schritt auf %2 Instanz(en)</numerusform>
            <numerusform>Methode: %1 — %n Schritte auf %2 Instanz(en)</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Warnings</source>
        <translation>⚠ Warnungen</translation>
    </message>
    <message>
        <source>Nothing has run yet. Read the plan, then Run.</source>
        <translation>Bisher wurde nichts ausgeführt. Erst den Plan lesen, dann „Ausführen“.</translation>
    </message>
    <message>
        <source>There is no plan to run.</source>
        <translation>Es gibt keinen auszuführenden Plan.</translation>
    </message>
    <message>
        <source>Cannot plan this operation:</source>
        <translation>Diese Operation kann nicht geplant werden:</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Run is disabled: %1</source>
        <translation>Ausführen ist deaktiviert: %1</translation>
    </message>
    <message>
        <source>Started at %1</source>
        <translation>Gestartet um %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Running. Cancel stops after the current step.</source>
        <translation>Läuft. „Abbrechen“ hält nach dem aktuellen Schritt an.</translation>
    </message>
    <message>
        <source>Recovery: %1</source>
        <translation>Wiederherstellung: %1</translation>
    </message>
    <message>
        <source>Recovering: %1</source>
        <translation>Wird wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>— What ran —</source>
        <translation>— Was ausgeführt wurde —</translation>
    </message>
    <message>
        <source>Succeeded and verified.</source>
        <translation>Erfolgreich und verifiziert.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Done and verified.</source>
        <translation>Abgeschlossen und verifiziert.</translation>
    </message>
    <message>
        <source>Every instance is where the plan said it would be.</source>
        <translation>Jede Instanz steht dort, wo der Plan sie vorgesehen hat.</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) ran. Check where each instance stands below.</source>
        <translation>
            <numerusform>%n Schritt wurde ausgeführt. Prüfen Sie unten den Stand jeder Instanz.</numerusform>
            <numerusform>%n Schritte wurden ausgeführt. Prüfen Sie unten den Stand jeder Instanz.</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Fehlgeschlagen:</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>Abbruch nach dem aktuellen Schritt…</translation>
    </message>
    <message>
        <source>Cancel requested.</source>
        <translation>Abbruch angefordert.</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>not a replica</source>
        <translation>keine Replica</translation>
    </message>
    <message>
        <source>The topology changed since this plan was made; nothing was run.</source>
        <translation>Die Topologie hat sich geändert, seit dieser Plan erstellt wurde; nichts wurde ausgeführt.</translation>
    </message>
    <message>
        <source>The plan below was made again from what the servers say now. Review it, then Run again. What changed:</source>
        <translation>Der Plan unten wurde neu aus dem erstellt, was die Server jetzt melden. Prüfen Sie ihn, dann erneut „Ausführen“. Was sich geändert hat:</translation>
    </message>
    <message>
        <source>Nothing has run. The plan changed: read it again, then Run.</source>
        <translation>Nichts wurde ausgeführt. Der Plan hat sich geändert: Erst erneut lesen, dann „Ausführen“.</translation>
    </message>
    <message>
        <source>Done on the servers, but the backend could not be updated (%1): views show the change once the backend is written again.</source>
        <translation>Auf den Servern ausgeführt, aber das Backend konnte nicht aktualisiert werden (%1): Die Ansichten zeigen die Änderung, sobald das Backend wieder geschrieben wird.</translation>
    </message>
</context>
<context>
    <name>topograph::ProblemListModel</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>topograph::ProblemsDock</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Findings of the replication analysis (Problems dock, Ctrl+Shift+P)</source>
        <translation>Befunde der Replikationsanalyse (Dock „Probleme“, Strg+Umschalt+P)</translation>
    </message>
</context>
<context>
    <name>topograph::ProblemsPanel</name>
    <message>
        <source>Structure &amp;warnings</source>
        <translation>Struktur&amp;warnungen</translation>
    </message>
    <message>
        <source>Filter the problems (any column)</source>
        <translation>Probleme filtern (beliebige Spalte)</translation>
    </message>
    <message>
        <source>Also list warnings about the topology&apos;s shape (errant GTIDs, replicas without binary logs, mixed versions, ...)</source>
        <translation>Auch Warnungen zur Form der Topologie zeigen (fehlerhafte GTIDs, Replikate ohne Binärlog, gemischte Versionen, ...)</translation>
    </message>
    <message>
        <source>Click a problem to select its instance</source>
        <translation>Ein Problem anklicken, um seine Instanz auszuwählen</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 Problem</translation>
    </message>
    <message>
        <source>%1 problems</source>
        <translation>%1 Probleme</translation>
    </message>
    <message>
        <source>1 structure warning</source>
        <translation>1 Strukturwarnung</translation>
    </message>
    <message>
        <source>%1 structure warnings</source>
        <translation>%1 Strukturwarnungen</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>topograph::RegisterCandidateDialog</name>
    <message>
        <source>Register %1 as candidate</source>
        <translation>%1 als Kandidat registrieren</translation>
    </message>
    <message>
        <source>How much should %1 be preferred when its master fails and a replica is promoted in its place? The rule is written to the backend (candidate_database_instance), where orchestrator reads it too.</source>
        <translation>Wie sehr soll %1 bevorzugt werden, wenn sein Master ausfällt und an seiner Stelle eine Replica befördert wird? Die Regel wird ins Backend geschrieben (candidate_database_instance), wo auch orchestrator sie liest.</translation>
    </message>
    <message numerus="yes">
        <source>The registration holds for %n minute(s), until %1, and then expires unless it is registered again (CandidateInstanceExpireMinutes).</source>
        <translation>
            <numerusform>Die Registrierung gilt %n Minute lang, bis %1, und läuft dann ab, wenn sie nicht erneut registriert wird (CandidateInstanceExpireMinutes).</numerusform>
            <numerusform>Die Registrierung gilt %n Minuten lang, bis %1, und läuft dann ab, wenn sie nicht erneut registriert wird (CandidateInstanceExpireMinutes).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrieren</translation>
    </message>
    <message>
        <source>Promoted first.</source>
        <translation>Wird zuerst befördert.</translation>
    </message>
    <message>
        <source>A preferred candidate: promoted over neutral replicas, and a better server replaces a promoted replica that is not one.</source>
        <translation>Ein bevorzugter Kandidat: wird vor neutralen Replicas befördert und ersetzt eine beförderte Replica, die keiner ist.</translation>
    </message>
    <message>
        <source>No preference: the most advanced suitable replica is promoted.</source>
        <translation>Keine Vorliebe: die am weitesten fortgeschrittene geeignete Replica wird befördert.</translation>
    </message>
    <message>
        <source>Promoted only when no other replica fits; a neutral replica then replaces it.</source>
        <translation>Wird nur befördert, wenn keine andere Replica passt; eine neutrale Replica ersetzt sie dann.</translation>
    </message>
    <message>
        <source>Never promoted.</source>
        <translation>Wird nie befördert.</translation>
    </message>
</context>
<context>
    <name>topograph::ResolveCacheModel</name>
    <message>
        <source>resolve</source>
        <translation>resolve</translation>
    </message>
    <message>
        <source>unresolve</source>
        <translation>unresolve</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>hostname_resolve (a name resolved) or hostname_unresolve (a virtual name registered for an instance)</source>
        <translation>hostname_resolve (ein aufgelöster Name) oder hostname_unresolve (ein für eine Instanz registrierter virtueller Name)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>The name asked, or the instance&apos;s name</source>
        <translation>Der angefragte Name oder der Name der Instanz</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>What it resolved to, or the virtual name</source>
        <translation>Wozu er aufgelöst wurde, oder der virtuelle Name</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Aufgelöst</translation>
    </message>
    <message>
        <source>Since the entry was written</source>
        <translation>Seit der Eintrag geschrieben wurde</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Until the entry expires (ExpiryHostnameResolvesMinutes)</source>
        <translation>Bis der Eintrag abläuft (ExpiryHostnameResolvesMinutes)</translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation>Läuft ab in</translation>
    </message>
    <message>
        <source>Known instances with this host name</source>
        <translation>Bekannte Instanzen mit diesem Hostnamen</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Verwendet</translation>
    </message>
    <message>
        <source>Known instances with the resolved name</source>
        <translation>Bekannte Instanzen mit dem aufgelösten Namen</translation>
    </message>
    <message>
        <source>Uses (resolved)</source>
        <translation>Verwendet (aufgelöst)</translation>
    </message>
    <message>
        <source>Why the entry looks wrong</source>
        <translation>Warum der Eintrag falsch aussieht</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markierung</translation>
    </message>
</context>
<context>
    <name>topograph::ResolveCachePanel</name>
    <message>
        <source>F&amp;lagged only</source>
        <translation>Nur &amp;markierte</translation>
    </message>
    <message>
        <source>&amp;Delete entry</source>
        <translation>Eintrag &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Reset cache…</source>
        <translation>Cache &amp;zurücksetzen…</translation>
    </message>
    <message>
        <source>&amp;Show instances</source>
        <translation>Instanzen &amp;zeigen</translation>
    </message>
    <message>
        <source>&amp;Forget its instances…</source>
        <translation>Seine Instanzen &amp;vergessen…</translation>
    </message>
    <message>
        <source>Filter host names (any column)</source>
        <translation>Hostnamen filtern (jede Spalte)</translation>
    </message>
    <message>
        <source>List only the entries that look wrong</source>
        <translation>Nur die Einträge auflisten, die falsch aussehen</translation>
    </message>
    <message>
        <source>Delete the selected entry from the backend (Del)</source>
        <translation>Den ausgewählten Eintrag aus dem Backend löschen (Entf)</translation>
    </message>
    <message>
        <source>Delete every hostname_resolve entry (asks first)</source>
        <translation>Jeden hostname_resolve-Eintrag löschen (fragt zuerst)</translation>
    </message>
    <message>
        <source>Forget the instances known under the name this flagged entry got wrong</source>
        <translation>Die Instanzen vergessen, die unter dem Namen bekannt sind, den dieser markierte Eintrag falsch hat</translation>
    </message>
    <message>
        <source>Select the instances that use the entry&apos;s names (Enter)</source>
        <translation>Die Instanzen auswählen, die die Namen des Eintrags verwenden (Eingabe)</translation>
    </message>
    <message>
        <source>Reset the resolve cache</source>
        <translation>Den Auflösungscache zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <source>Delete every hostname_resolve entry (%n entries listed)? Names are resolved afresh on the next poll; hostname_unresolve entries stay.</source>
        <translation>
            <numerusform>Jeden hostname_resolve-Eintrag löschen (%n Eintrag aufgeführt)? Namen werden bei der nächsten Abfrage neu aufgelöst; hostname_unresolve-Einträge bleiben.</numerusform>
            <numerusform>Jeden hostname_resolve-Eintrag löschen (%n Einträge aufgeführt)? Namen werden bei der nächsten Abfrage neu aufgelöst; hostname_unresolve-Einträge bleiben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topograph::SettingsDialog</name>
    <message>
        <source>none — names and addresses as given</source>
        <translation>none — Namen und Adressen wie angegeben</translation>
    </message>
    <message>
        <source>default — addresses reverse-resolved to names</source>
        <translation>default — Adressen per Reverse-Lookup in Namen aufgelöst</translation>
    </message>
    <message>
        <source>cname — the canonical name</source>
        <translation>cname — der kanonische Name</translation>
    </message>
    <message>
        <source>ip — addresses instead of names</source>
        <translation>ip — Adressen statt Namen</translation>
    </message>
    <message>
        <source>@@hostname — the server&apos;s host name</source>
        <translation>@@hostname — der Hostname des Servers</translation>
    </message>
    <message>
        <source>@@report_host — the name it reports</source>
        <translation>@@report_host — der vom Server gemeldete Name</translation>
    </message>
    <message>
        <source>none — the name Topograph connected to</source>
        <translation>none — der Name, mit dem Topograph sich verbunden hat</translation>
    </message>
    <message>
        <source>a SQLite file on this computer</source>
        <translation>einer SQLite-Datei auf diesem Computer</translation>
    </message>
    <message>
        <source>orchestrator&apos;s MySQL database</source>
        <translation>der MySQL-Datenbank von orchestrator</translation>
    </message>
    <message>
        <source>SQLite data file</source>
        <translation>SQLite-Datendatei</translation>
    </message>
    <message>
        <source>MySQL option file for the backend</source>
        <translation>MySQL-Optionsdatei für das Backend</translation>
    </message>
    <message>
        <source>MySQL option file</source>
        <translation>MySQL-Optionsdatei</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Save to %1</source>
        <translation>In %1 speichern</translation>
    </message>
    <message>
        <source>Save to the configuration file</source>
        <translation>In der Konfigurationsdatei speichern</translation>
    </message>
    <message>
        <source>Settings Topograph does not know are kept in the file.</source>
        <translation>Einstellungen, die Topograph nicht kennt, bleiben in der Datei erhalten.</translation>
    </message>
    <message>
        <source>Topograph started without a configuration file: these settings last until it closes. Start it with --config FILE to keep them.</source>
        <translation>Topograph wurde ohne Konfigurationsdatei gestartet: Diese Einstellungen gelten nur bis zum Beenden. Starten Sie es mit --config FILE, um sie zu behalten.</translation>
    </message>
    <message>
        <source>The MySQL backend needs a host (Backend tab).</source>
        <translation>Das MySQL-Backend benötigt einen Host (Reiter „Backend“).</translation>
    </message>
    <message>
        <source>The MySQL backend needs a database name (Backend tab).</source>
        <translation>Das MySQL-Backend benötigt einen Datenbanknamen (Reiter „Backend“).</translation>
    </message>
    <message>
        <source>auto — Topograph, unless orchestrator runs on this backend</source>
        <translation>auto — Topograph, außer wenn orchestrator auf diesem Backend läuft</translation>
    </message>
    <message>
        <source>always — Topograph, even beside orchestrator</source>
        <translation>always — Topograph, auch neben orchestrator</translation>
    </message>
    <message>
        <source>never — nobody: show the backend&apos;s rows as they are</source>
        <translation>never — niemand: die Zeilen des Backends zeigen, wie sie sind</translation>
    </message>
</context>
<context>
    <name>topograph::StatusMessage</name>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
</context>
<context>
    <name>topograph::UnfinishedNotice</name>
    <message>
        <source>Unfinished operations</source>
        <translation>Nicht abgeschlossene Operationen</translation>
    </message>
    <message>
        <source>&amp;Restart the replication they left stopped</source>
        <translation>Angehaltene Replikation neu &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Replication runs again where they had stopped it; their audit rows are closed.</source>
        <translation>Die Replikation läuft wieder, wo sie angehalten worden war; ihre Audit-Zeilen sind abgeschlossen.</translation>
    </message>
    <message>
        <source>Not everything could be put right: check the instances below by hand.</source>
        <translation>Nicht alles ließ sich richtigstellen: prüfen Sie die Instanzen unten von Hand.</translation>
    </message>
    <message>
        <source>Operations started and never finished: the program running them was killed, or the machine stopped.</source>
        <translation>Operationen begannen und wurden nie abgeschlossen: das Programm, das sie ausführte, wurde beendet, oder der Rechner hielt an.</translation>
    </message>
</context>
</TS>
