# Installs the public headers, the shared library, the bundled dataset and a
# versioned CMake package: find_package(AllianceDB 0.1 CONFIG REQUIRED).
include(CMakePackageConfigHelpers)

install(TARGETS alliance EXPORT AllianceDBTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/engine/include/alliance
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_SOURCE_DIR}/schema/include/alliance/value.h
  ${PROJECT_SOURCE_DIR}/schema/include/alliance/query_result.h
  ${PROJECT_BINARY_DIR}/gen-public/alliance/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/alliance)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/nodes ${PROJECT_SOURCE_DIR}/data/edges
  DESTINATION ${CMAKE_INSTALL_DATADIR}/alliancedb/data)

set(ALLIANCE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/AllianceDB)
install(EXPORT AllianceDBTargets NAMESPACE AllianceDB:: DESTINATION ${ALLIANCE_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/AllianceDBConfig.cmake.in
  ${PROJECT_BINARY_DIR}/AllianceDBConfig.cmake INSTALL_DESTINATION ${ALLIANCE_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/AllianceDBConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/AllianceDBConfig.cmake
  ${PROJECT_BINARY_DIR}/AllianceDBConfigVersion.cmake DESTINATION ${ALLIANCE_CMAKE_DIR})
