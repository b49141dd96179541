#!/usr/bin/env bash
# A Spark standalone master and workers on localhost, started from the Maven-resolved Spark classes
# (no Spark distribution needed), for trying edward4j's Spark jobs with executors in separate JVMs.
#   edward-spark/scripts/standalone-cluster.sh start [--workers N] [--cores C] [--memory 1g] [--port 7077] [--webui-port 8080] [--dir DIR]
#   edward-spark/scripts/standalone-cluster.sh stop [--dir DIR]
#   bin/edward spark gan --master spark://127.0.0.1:7077 --partitions 2 ...
# Executors are launched by the workers with the class path of DIR/spark-home/jars/*, which links every
# jar of the launcher's class path (Spark, TensorFlow, edward4j's installed modules), so they load the
# same classes as the driver and the job needs no spark.jars. EDWARD4J_CLASSPATH, when set, is used
# instead of building the project. docs/DISTRIBUTED.md, "Executors in separate JVMs".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
command="${1:-}"
shift || true
workers=2 cores=1 memory=1g port=7077 ui=8080 dir="${TMPDIR:-/tmp}/edward4j-spark-cluster"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --workers) workers="$2"; shift 2 ;;
    --cores) cores="$2"; shift 2 ;;
    --memory) memory="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --webui-port) ui="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    *) echo "unknown flag $1; flags are --workers, --cores, --memory, --port, --webui-port, --dir" >&2; exit 2 ;;
  esac
done

stop_cluster() {
  [[ -f "$dir/pids" ]] || { echo "no cluster started from $dir"; return 0; }
  # Executors first: they are the workers' children, and a worker killed first would orphan them.
  while read -r pid; do
    pkill -KILL -P "$pid" 2>/dev/null || true
  done < "$dir/pids"
  while read -r pid; do
    kill "$pid" 2>/dev/null || true
  done < "$dir/pids"
  sleep 2
  while read -r pid; do
    kill -9 "$pid" 2>/dev/null || true
  done < "$dir/pids"
  rm -f "$dir/pids"
  echo "stopped the cluster of $dir"
}

case "$command" in
  stop) stop_cluster; exit 0 ;;
  start) ;;
  *) echo "usage: $0 start|stop [--workers N] [--cores C] [--memory 1g] [--port 7077] [--dir DIR]" >&2; exit 2 ;;
esac
[[ "$workers" =~ ^[1-9][0-9]*$ ]] || { echo "--workers must be a positive integer, got $workers" >&2; exit 2; }
[[ "$cores" =~ ^[1-9][0-9]*$ ]] || { echo "--cores must be a positive integer, got $cores" >&2; exit 2; }
[[ -f "$dir/pids" ]] && { echo "a cluster of $dir runs already; stop it first" >&2; exit 1; }

if [[ -z "${EDWARD4J_CLASSPATH:-}" ]]; then
  # shellcheck source=bin/build.sh
  source "$root/bin/build.sh"
  edward4j_build "$root"
fi
mkdir -p "$dir/spark-home/jars"
IFS=':' read -r -a entries <<< "$EDWARD4J_CLASSPATH"
for entry in "${entries[@]}"; do
  [[ "$entry" == *.jar && -f "$entry" ]] && ln -sf "$entry" "$dir/spark-home/jars/"
done
opts="$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$root/edward-spark/pom.xml")"
export SPARK_HOME="$dir/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 TF_CPP_MIN_LOG_LEVEL=2
launch() {
  local log="$1"
  shift
  # shellcheck disable=SC2086
  nohup java -Xmx256m $opts -cp "$EDWARD4J_CLASSPATH" "$@" > "$log" 2>&1 &
  echo $! >> "$dir/pids"
}
launch "$dir/master.log" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$ui"
for ((i = 0; i < workers; i++)); do
  mkdir -p "$dir/worker-$i"
  launch "$dir/worker-$i.log" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$cores" \
    --memory "$memory" --webui-port 0 --work-dir "$dir/worker-$i" "spark://127.0.0.1:$port"
done
for ((t = 0; t < 300; t++)); do
  # The master's JSON status page (its INFO log lines may be silenced by a log4j2.properties on the class path).
  n="$(curl -s --max-time 5 "http://127.0.0.1:$ui/json/" 2>/dev/null \
    | grep -o '"aliveworkers"[[:space:]]*:[[:space:]]*[0-9]*' | grep -o '[0-9]*$' || true)"
  if [[ "${n:-0}" -ge "$workers" ]]; then
    echo "master spark://127.0.0.1:$port with $workers workers of $cores core(s) and $memory; logs in $dir"
    exit 0
  fi
  sleep 1
done
echo "only ${n:-0} of $workers workers registered within 300 s; logs in $dir; stopping" >&2
stop_cluster
exit 1
