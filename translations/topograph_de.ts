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
        <source>Show the topology of the instance HOST:PORT.</source>
        <translation>Die Topologie der Instanz HOST:PORT anzeigen.</translation>
    </message>
    <message>
        <source>Log debug messages to stderr.</source>
        <translation>Debug-Meldungen auf stderr ausgeben.</translation>
    </message>
    <message>
        <source>Topograph</source>
        <translation>Topograph</translation>
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
        <translation>Der Primärserver des Clusters (sein oberster Master)</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primärserver</translation>
    </message>
    <message>
        <source>Instances in the cluster</source>
        <translation>Instanzen im Cluster</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Instances that are not replicating normally, lagging or unreachable</source>
        <translation>Instanzen, die nicht normal replizieren, verzögert oder nicht erreichbar sind</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Instances whose last check failed</source>
        <translation>Instanzen, deren letzte Prüfung fehlgeschlagen ist</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
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
        <translation>Geistercluster: Er existiert nur, weil ein Hostname nicht zugeordnet werden konnte (ein nie gültig geprüfter Primärserver oder ein Replikat mit unbekanntem Master). Prüfen Sie den Auflösungscache oder vergessen Sie ihn.</translation>
    </message>
</context>
<context>
    <name>topograph::MainWindow</name>
    <message>
        <source>Topograph — %1</source>
        <translation>Topograph — %1</translation>
    </message>
    <message>
        <source>Topograph</source>
        <translation>Topograph</translation>
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
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Binlog</source>
        <translation>Binlog</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>No instance to show: start with --seed HOST:PORT</source>
        <translation>Keine Instanz anzuzeigen: mit --seed HOST:PORT starten</translation>
    </message>
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
        <source>Probing %1…</source>
        <translation>Frage %1 ab…</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>replicating</source>
        <translation>repliziert</translation>
    </message>
    <message>
        <source>not replicating</source>
        <translation>repliziert nicht</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>Primärserver</translation>
    </message>
    <message>
        <source>unreachable: %1</source>
        <translation>nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>no binlog</source>
        <translation>kein Binlog</translation>
    </message>
    <message>
        <source>, GTID</source>
        <translation>, GTID</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s), probed at %1</source>
        <translation>
            <numerusform>%n Instanz, abgefragt um %1</numerusform>
            <numerusform>%n Instanzen, abgefragt um %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Probe failed: %1</source>
        <translation>Abfrage fehlgeschlagen: %1</translation>
    </message>
</context>
</TS>
