# Chapter "Intent": storing the desired state. Commands before the "transcript" line set the
# cluster up and are not shown in the chapter (src/components/Transcript.astro). Run it yourself:
#   npm run --silent kubesim -- --echo sim/scenarios/intent/apply.sh
kubectl apply -f web.yaml
