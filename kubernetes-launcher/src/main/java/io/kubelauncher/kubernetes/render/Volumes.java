package io.kubelauncher.kubernetes.render;

import io.kubelauncher.api.model.Mount;
import io.kubelauncher.api.model.MountSource;
import io.kubelauncher.api.plugin.PluginException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a job's mounts into the Kubernetes {@code volumes} and {@code volumeMounts} the templates
 * receive as {@code .Job.volumes} / {@code .Job.volumeMounts} (names {@code mount0}, {@code mount1}…).
 *
 * @param volumes one volume per mount, in the shape of the Kubernetes API
 * @param volumeMounts one volume mount per mount
 */
public record Volumes(List<Map<String, Object>> volumes, List<Map<String, Object>> volumeMounts) {

    public Volumes {
        volumes = List.copyOf(volumes);
        volumeMounts = List.copyOf(volumeMounts);
    }

    /** @throws PluginException (Error 2) naming the mount whose type Kubernetes cannot mount */
    public static Volumes of(List<Mount> mounts) {
        List<Map<String, Object>> volumes = new ArrayList<>();
        List<Map<String, Object>> volumeMounts = new ArrayList<>();
        for (int i = 0; i < mounts.size(); i++) {
            Mount mount = mounts.get(i);
            String name = "mount" + i;
            Map<String, Object> volume = new LinkedHashMap<>();
            volume.put("name", name);
            MountSource source = mount.source();
            if (source instanceof MountSource.Host host) {
                volume.put("hostPath", ordered("path", host.path()));
            } else if (source instanceof MountSource.Nfs nfs) {
                volume.put("nfs", ordered("server", nfs.host(), "path", nfs.path(), "readOnly", mount.readOnly()));
            } else if (source instanceof MountSource.AzureFile az) {
                volume.put("azureFile", ordered("secretName", az.secretName(), "shareName", az.shareName(), "readOnly", mount.readOnly()));
            } else if (source instanceof MountSource.GlusterFs gl) {
                volume.put("glusterfs", ordered("endpoints", gl.endpoints(), "path", gl.path(), "readOnly", mount.readOnly()));
            } else if (source instanceof MountSource.CephFs ceph) {
                Map<String, Object> body = ordered("monitors", ceph.monitors());
                if (ceph.path() != null) {
                    body.put("path", ceph.path());
                }
                if (ceph.user() != null) {
                    body.put("user", ceph.user());
                }
                if (ceph.secretRef() != null) {
                    body.put("secretRef", ordered("name", ceph.secretRef()));
                } else if (ceph.secretFile() != null) {
                    body.put("secretFile", ceph.secretFile());
                }
                body.put("readOnly", mount.readOnly());
                volume.put("cephfs", body);
            } else if (source.type().equals("passthrough")) {
                // the source is a Kubernetes volume body, e.g. {"persistentVolumeClaim": {"claimName": "data"}}
                if (source.toMap().isEmpty()) {
                    throw PluginException.invalidRequest("Mount " + mount.mountPath() + ": a passthrough mount needs a source holding"
                            + " a Kubernetes volume, e.g. {\"persistentVolumeClaim\": {\"claimName\": \"data\"}}");
                }
                source.toMap().forEach((k, v) -> {
                    if (!k.equals("name")) {
                        volume.put(k, v);
                    }
                });
            } else {
                throw PluginException.invalidRequest("Mount " + mount.mountPath() + ": mount type '" + source.type()
                        + "' is not supported on Kubernetes (supported: host, nfs, azureFile, cephFs, glusterFs, passthrough)");
            }
            volumes.add(volume);
            volumeMounts.add(ordered("name", name, "mountPath", mount.mountPath(), "readOnly", mount.readOnly()));
        }
        return new Volumes(volumes, volumeMounts);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
