# Translations with Qt Linguist. lupdate reads the sources of everything a
# user sees (ui/, the desktop app, the texts model/ gives the lists, the
# sentences sync/ explains a failure with) into resources/translations/
# skein_LANG.ts; lrelease compiles each into a .qm that is embedded in the
# app under :/i18n. `cmake --build build --target update_translations`
# rewrites the .ts files from the sources (docs/translations.md).
find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)

set(SKEIN_TRANSLATION_DIR ${CMAKE_CURRENT_LIST_DIR})
set(SKEIN_TS_FILES ${SKEIN_TRANSLATION_DIR}/skein_de.ts)
# The folders whose sources lupdate reads; tests/i18n checks the same ones.
set(SKEIN_TRANSLATED_DIRS ui app/desktop model sync)

function(skein_add_translations target)
    set(patterns "")
    foreach(dir ${SKEIN_TRANSLATED_DIRS})
        list(APPEND patterns ${CMAKE_SOURCE_DIR}/${dir}/*.cpp ${CMAKE_SOURCE_DIR}/${dir}/*.h)
    endforeach()
    file(GLOB sources CONFIGURE_DEPENDS ${patterns})
    # No line numbers in the .ts: code moves often, a translation stays put.
    qt_add_translations(${target}
        TS_FILES ${SKEIN_TS_FILES}
        SOURCES ${sources}
        RESOURCE_PREFIX /i18n
        LUPDATE_OPTIONS -locations none -no-obsolete)
endfunction()
