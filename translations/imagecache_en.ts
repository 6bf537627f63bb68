<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>PollerStatus</name>
    <message numerus="yes">
        <source>%1: %n cache(s), updated %2</source>
        <translation>
            <numerusform>%1: %n cache, updated %2</numerusform>
            <numerusform>%1: %n caches, updated %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextFormatter</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli::CacheCommands</name>
    <message numerus="yes">
        <source>%n caches are named &apos;%1&apos;; give one of their IDs: %2</source>
        <translation>
            <numerusform>%n caches are named &apos;%1&apos;; give one of their IDs: %2</numerusform>
            <numerusform>%n caches are named &apos;%1&apos;; give one of their IDs: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli::ExportCommands</name>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n row to %1.</numerusform>
            <numerusform>Wrote %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::ImageCheckModel</name>
    <message numerus="yes">
        <source>%1 exists for %2: %n layer(s), %3 compressed, %4 uncompressed; digest %5.</source>
        <translation>
            <numerusform>%1 exists for %2: %n layer, %3 compressed, %4 uncompressed; digest %5.</numerusform>
            <numerusform>%1 exists for %2: %n layers, %3 compressed, %4 uncompressed; digest %5.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::CachesPage</name>
    <message numerus="yes">
        <source>No caches match %1 (%n hidden by the filter).
Press Esc to clear the filter.</source>
        <translation>
            <numerusform>No caches match %1 (%n hidden by the filter).
Press Esc to clear the filter.</numerusform>
            <numerusform>No caches match %1 (%n hidden by the filter).
Press Esc to clear the filter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ConsoleSession</name>
    <message numerus="yes">
        <source>%n image cache(s) expire soon: %1</source>
        <translation>
            <numerusform>%n image cache expire soon: %1</numerusform>
            <numerusform>%n image caches expire soon: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n profile(s) from %1</source>
        <translation>
            <numerusform>Import %n profile from %1</numerusform>
            <numerusform>Import %n profiles from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image cache(s)</source>
        <translation>
            <numerusform>%n image cache</numerusform>
            <numerusform>%n image caches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::CreateCacheDialog</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The registry check found a problem with %n image(s) (see above); the cache can still be created.</source>
        <translation>
            <numerusform>The registry check found a problem with %n image (see above); the cache can still be created.</numerusform>
            <numerusform>The registry check found a problem with %n images (see above); the cache can still be created.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %1 of %n image(s) have a known size.</source>
        <translation>
            <numerusform>Only %1 of %n image has a known size.</numerusform>
            <numerusform>Only %1 of %n images have a known size.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::HistoryPage</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entries</source>
        <translation>
            <numerusform>%1 of %n entry</numerusform>
            <numerusform>%1 of %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ImagesPage</name>
    <message numerus="yes">
        <source>No images match “%1” (%n hidden by the filter).
Clear the filter to see them all.</source>
        <translation>
            <numerusform>No images match “%1” (%n hidden by the filter).
Clear the filter to see them all.</numerusform>
            <numerusform>No images match “%1” (%n hidden by the filter).
Clear the filter to see them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Base-image layers: %n</source>
        <translation>
            <numerusform>Base-image layers: %n</numerusform>
            <numerusform>Base-image layers: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message numerus="yes">
        <source>Delete %n caches?</source>
        <translation>
            <numerusform>Delete %n cache?</numerusform>
            <numerusform>Delete %n caches?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n caches</source>
        <translation>
            <numerusform>Delete %n cache</numerusform>
            <numerusform>Delete %n caches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests in flight</source>
        <translation>
            <numerusform>%n request in flight</numerusform>
            <numerusform>%n requests in flight</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::RegistryLayersPanel</name>
    <message numerus="yes">
        <source>%1 for %2 · %n layer(s) · %3 compressed · %4 uncompressed</source>
        <translation>
            <numerusform>%1 for %2 · %n layer · %3 compressed · %4 uncompressed</numerusform>
            <numerusform>%1 for %2 · %n layers · %3 compressed · %4 uncompressed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::StatusCountLabel</name>
    <message numerus="yes">
        <source>%n caches: %1</source>
        <translation>
            <numerusform>%n cache: %1</numerusform>
            <numerusform>%n caches: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>workload::Coverage</name>
    <message numerus="yes">
        <source>%n workload(s)</source>
        <translation>
            <numerusform>%n workload</numerusform>
            <numerusform>%n workloads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n container</numerusform>
            <numerusform>%n containers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n covered</source>
        <translation>
            <numerusform>%n covered</numerusform>
            <numerusform>%n covered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partial</source>
        <translation>
            <numerusform>%n partial</numerusform>
            <numerusform>%n partial</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not covered</source>
        <translation>
            <numerusform>%n not covered</numerusform>
            <numerusform>%n not covered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) skipped (not workloads)</source>
        <translation>
            <numerusform>%n document skipped (not workloads)</numerusform>
            <numerusform>%n documents skipped (not workloads)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n broken document(s)</source>
        <translation>
            <numerusform>%n broken document</numerusform>
            <numerusform>%n broken documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
</TS>
