# Installing and packaging Skein (docs/packaging.md): the man pages, checks
# of the installed metadata, and CPack's Debian package. The binaries, the
# .desktop file, the AppStream metainfo and the icon: app/ and server/.
include(GNUInstallDirs)

# ---- Man pages: docs/man/*.1, installed gzipped as Debian wants them ----
set(SKEIN_MAN_PAGES skein skein-cli skein-server)
set(skein_man_outputs)
foreach(page ${SKEIN_MAN_PAGES})
    set(source ${CMAKE_SOURCE_DIR}/docs/man/${page}.1)
    set(output ${CMAKE_BINARY_DIR}/man/${page}.1.gz)
    # -n: no name or time stamp inside, so the package builds reproducibly.
    add_custom_command(OUTPUT ${output}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
        COMMAND gzip -9nc ${source} > ${output}
        DEPENDS ${source}
        COMMENT "Compressing the man page ${page}(1)")
    list(APPEND skein_man_outputs ${output})
endforeach()
add_custom_target(man-pages ALL DEPENDS ${skein_man_outputs})
install(FILES ${skein_man_outputs} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The metainfo lists releases; the newest must be this version.
file(READ ${CMAKE_SOURCE_DIR}/resources/${SKEIN_APP_ID}.metainfo.xml skein_metainfo)
string(FIND "${skein_metainfo}" "<release version=\"${PROJECT_VERSION}\"" skein_release_at)
if(skein_release_at EQUAL -1)
    message(FATAL_ERROR "resources/${SKEIN_APP_ID}.metainfo.xml has no <release version=\"${PROJECT_VERSION}\">: "
                        "add the release there when the project version changes")
endif()

# ---- Checks of what gets installed (ctest label package) ----
add_test(NAME package/appstream-validate
         COMMAND appstreamcli validate --no-net ${CMAKE_SOURCE_DIR}/resources/${SKEIN_APP_ID}.metainfo.xml)
add_test(NAME package/desktop-file-validate
         COMMAND desktop-file-validate ${CMAKE_SOURCE_DIR}/resources/${SKEIN_APP_ID}.desktop)
add_test(NAME package/man-pages
         COMMAND ${CMAKE_SOURCE_DIR}/tests/package/check-man-pages.sh ${CMAKE_SOURCE_DIR}/docs/man
                 $<TARGET_FILE:skein> $<TARGET_FILE:skein-cli> $<TARGET_FILE:skein-server>)
# Builds the .deb and runs what it installs; installs it for real (and
# removes it again) only as root with CI set. One at a time: it runs cpack in
# this build folder.
add_test(NAME package/deb
         COMMAND ${CMAKE_SOURCE_DIR}/tests/package/check-package.sh ${CMAKE_BINARY_DIR})
set_tests_properties(package/appstream-validate package/desktop-file-validate package/man-pages package/deb
    PROPERTIES LABELS package TIMEOUT 300)
set_tests_properties(package/deb PROPERTIES TIMEOUT 1200 RESOURCE_LOCK skein-package
    ENVIRONMENT "QT_LOGGING_RULES=*.debug=false")

# ---- The Debian package: cpack in the build folder ----
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME skein)
set(CPACK_PACKAGE_VENDOR "Skein")
set(CPACK_PACKAGE_CONTACT "Skein maintainers <maintainers@users.noreply.b-seed-5d252141.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Exchange ActiveSync mail client built around conversations")
set(CPACK_PACKAGE_DESCRIPTION
    "Skein syncs mail from Exchange ActiveSync servers with ConversationMode and shows\n"
    "each conversation's reply tree across folders. Conversation actions (read, flag,\n"
    "delete, ignore, move, always move) apply at once and are sent in the background;\n"
    "mail is written, answered and forwarded through an outbox that works offline.\n"
    "Includes skein-cli, the same engine for scripts, and skein-server, the reference\n"
    "ActiveSync server its demo (skein --demo) runs.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # skein_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION mail)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps (dpkg-dev) computes Depends from the libraries the binaries link.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What no binary links but Skein loads at run time: Qt's svg plugins draw
# its icons (without them the window has none).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
# QtKeychain keeps passwords in a Secret Service; without one Skein asks for
# the password each time (or reads SKEIN_PASSWORD).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring")
include(CPack)
