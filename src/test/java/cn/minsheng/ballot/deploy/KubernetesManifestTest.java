package cn.minsheng.ballot.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;

/** No cluster runs here, so the manifests are parsed with the Kubernetes model and checked offline. */
class KubernetesManifestTest {

    private static final Path BASE = Path.of("k8s/base");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kustomization(Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("kustomization.yaml"))) {
            return Serialization.unmarshal(in, Map.class);
        }
    }

    private static List<HasMetadata> base() throws IOException {
        List<HasMetadata> resources = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> files = (List<String>) kustomization(BASE).get("resources");
        for (String file : files) {
            assertTrue(Files.exists(BASE.resolve(file)), "listed in the kustomization but missing: " + file);
            try (InputStream in = Files.newInputStream(BASE.resolve(file))) {
                resources.add(Serialization.unmarshal(in));
            }
        }
        return resources;
    }

    @SuppressWarnings("unchecked")
    private static <T> T only(List<HasMetadata> resources, Class<T> type) {
        List<HasMetadata> found = resources.stream().filter(type::isInstance).toList();
        assertEquals(1, found.size(), "one " + type.getSimpleName());
        return (T) found.get(0);
    }

    @Test
    void theDeploymentRunsSeveralHardenedReplicasWithProbesLimitsAndSecrets() throws IOException {
        Deployment d = only(base(), Deployment.class);
        assertTrue(d.getSpec().getReplicas() >= 2, "at least two replicas");
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        Container c = pod.getContainers().get(0);
        assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertNotNull(c.getResources().getRequests().get("cpu"));
        assertNotNull(c.getResources().getRequests().get("memory"));
        assertNotNull(c.getResources().getLimits().get("memory"));
        assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
        assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation());
        assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")), "a writable /tmp");
        assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getSecret() != null && "minsheng-jwt".equals(v.getSecret().getSecretName())),
                "token keys from a Secret");
        assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().equals("QUARKUS_DATASOURCE_PASSWORD")
                && e.getValueFrom().getSecretKeyRef() != null), "database password from a Secret");
        assertEquals(0, d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());
    }

    @Test
    void theImageBoundsItsHeapSoThePodHasRoomForTheRestOfTheJvm() throws IOException {
        // Measured (README, Performance): besides the heap the JVM took about 280 MiB at the burst's peak.
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        java.util.regex.Matcher xmx = java.util.regex.Pattern.compile("-Xmx(\\d+)m").matcher(dockerfile);
        assertTrue(xmx.find(), "the image sets a heap bound");
        long heap = Long.parseLong(xmx.group(1)) * 1024 * 1024;
        Container c = only(base(), Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        long limit = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(c.getResources().getLimits().get("memory")).longValue();
        assertTrue(limit - heap >= 320L * 1024 * 1024, "heap " + heap / 1048576 + " MiB leaves too little of the " + limit / 1048576 + " MiB limit");
    }

    @Test
    void serviceIngressAutoscalerDisruptionBudgetAndNetworkPolicyFitTogether() throws IOException {
        List<HasMetadata> resources = base();
        Deployment d = only(resources, Deployment.class);
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        Service s = only(resources, Service.class);
        assertTrue(podLabels.entrySet().containsAll(s.getSpec().getSelector().entrySet()), "the Service selects the pods");
        Ingress i = only(resources, Ingress.class);
        assertEquals("off", i.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-buffering"), "SSE unbuffered");
        assertTrue(Integer.parseInt(i.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-read-timeout")) >= 600,
                "SSE connections stay open");
        assertEquals(s.getMetadata().getName(), i.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService()
                .getName());
        HorizontalPodAutoscaler hpa = only(resources, HorizontalPodAutoscaler.class);
        assertEquals(d.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2);
        PodDisruptionBudget pdb = only(resources, PodDisruptionBudget.class);
        assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()));
        NetworkPolicy np = only(resources, NetworkPolicy.class);
        assertTrue(np.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")));
        assertTrue(np.getSpec().getEgress().stream().anyMatch(e -> e.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 5432)));
    }

    @Test
    void thePostgresClusterHasThreeInstancesWithSynchronousReplication() throws IOException {
        GenericKubernetesResource cluster = base().stream().filter(r -> r instanceof GenericKubernetesResource)
                .map(r -> (GenericKubernetesResource) r).filter(r -> r.getKind().equals("Cluster")).findFirst().orElseThrow();
        assertEquals("postgresql.cnpg.io/v1", cluster.getApiVersion());
        assertEquals(3, ((Number) cluster.get("spec", "instances")).intValue());
        assertEquals(1, ((Number) cluster.get("spec", "postgresql", "synchronous", "number")).intValue());
        assertEquals("required", cluster.get("spec", "postgresql", "synchronous", "dataDurability"));
        assertEquals("minsheng_app", cluster.get("spec", "managed", "roles", 0, "name"));
    }

    @Test
    void theOverlaysBuildOnTheBaseAndPatchOnlyWhatExists() throws IOException {
        List<HasMetadata> base = base();
        for (String overlay : List.of("dev", "prod")) {
            Map<String, Object> k = kustomization(Path.of("k8s/overlays", overlay));
            assertEquals(List.of("../../base"), k.get("resources"), overlay);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> patches = (List<Map<String, Object>>) k.get("patches");
            for (Map<String, Object> patch : patches) {
                @SuppressWarnings("unchecked")
                Map<String, String> target = (Map<String, String>) patch.get("target");
                assertTrue(base.stream().anyMatch(r -> r.getKind().equals(target.get("kind"))
                        && r.getMetadata().getName().equals(target.get("name"))), overlay + " patches a missing " + target);
            }
        }
        assertTrue(Files.exists(Path.of("src/main/docker/Dockerfile.jvm")));
    }
}
