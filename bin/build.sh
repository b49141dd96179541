#!/usr/bin/env bash
# Shared by bin/edward and bin/jshell: builds the project when a source or build file is newer than
# the last build, and sets EDWARD4J_CLASSPATH to the examples module's runtime class path.
# EDWARD4J_MAVEN_ARGS passes extra flags to Maven, e.g. -Pgpu for the CUDA runtime.
edward4j_build() {
  local root="$1"
  local target="$root/examples/target"
  local stamp="$target/.edward4j-built"
  local cp_file="$target/classpath.txt"
  if [[ ! -f "$stamp" || ! -f "$cp_file" || -n "$(find "$root" -path '*/target' -prune -o -path "$root/.git" -prune -o \
      \( -name '*.java' -o -name 'pom.xml' \) -newer "$stamp" -print -quit)" ]]; then
    echo "edward4j: building the project (mvn install, tests skipped; the first build downloads dependencies) ..." >&2
    local log
    log="$(mktemp)"
    # shellcheck disable=SC2086
    if ! (cd "$root" && mvn -B -Dstyle.color=never ${EDWARD4J_MAVEN_ARGS:-} install -DskipTests \
      -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -Dmdep.analyze.skip=true \
      && mvn -B -Dstyle.color=never ${EDWARD4J_MAVEN_ARGS:-} -pl examples dependency:build-classpath \
           -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime) >"$log" 2>&1; then
      grep -E "ERROR|BUILD FAILURE" "$log" >&2 || cat "$log" >&2
      echo "edward4j: the build failed; the full Maven log is $log" >&2
      return 1
    fi
    rm -f "$log"
    touch "$stamp"
  fi
  EDWARD4J_CLASSPATH="$target/classes:$(cat "$cp_file")"
  export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
}
