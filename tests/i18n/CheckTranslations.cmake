# Fails when a user-visible string has no translation: runs lupdate over the
# sources into a copy of each .ts file and lists every entry left
# "unfinished" (a new or changed string nobody translated yet).
# -DLUPDATE= -DSOURCE_DIR= -DDIRS="ui;app/desktop;..." -DTS_FILES="..." -DWORK_DIR=
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(failed FALSE)
foreach(ts ${TS_FILES})
    get_filename_component(name ${ts} NAME)
    set(copy ${WORK_DIR}/${name})
    file(COPY_FILE ${ts} ${copy})
    execute_process(COMMAND ${LUPDATE} -locations none -no-obsolete ${DIRS} -ts ${copy}
                    WORKING_DIRECTORY ${SOURCE_DIR}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed (${rc}):\n${out}\n${err}")
    endif()
    file(READ ${copy} text)
    # One match per message: its source, then a translation marked unfinished.
    string(REGEX MATCHALL "<source>[^<]*</source>[^<]*(<[^t/][^>]*>[^<]*</[^>]*>[^<]*)*<translation type=\"unfinished\""
           unfinished "${text}")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        set(failed TRUE)
        message("${name}: ${count} strings without a translation:")
        foreach(entry ${unfinished})
            string(REGEX REPLACE "^<source>([^<]*)</source>.*" "\\1" source "${entry}")
            message("    ${source}")
        endforeach()
    else()
        message("${name}: every string translated")
    endif()
endforeach()
if(failed)
    message(FATAL_ERROR "Translate the strings above (docs/translations.md), then commit the .ts files.")
endif()
