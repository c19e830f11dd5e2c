package io.kubelauncher.testkit.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One simulated cluster per test class: {@code @ExtendWith(SimulatedClusterExtension.class)}, then
 * take a {@link SimulatedCluster} or a {@link KubernetesClient} as a constructor, lifecycle or
 * test method parameter. Scenarios are reset before each class starts; a test that switches one on
 * should switch it off (or call {@code cluster.scenarios().reset()}).
 */
public final class SimulatedClusterExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatedClusterExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    SimulatedCluster cluster = context.getStore(NAMESPACE).remove(SimulatedCluster.class, SimulatedCluster.class);
    if (cluster != null) {
      cluster.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SimulatedCluster.class || type == KubernetesClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SimulatedCluster cluster = cluster(context);
    return parameter.getParameter().getType() == KubernetesClient.class ? cluster.client() : cluster;
  }

  private static SimulatedCluster cluster(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(NAMESPACE).computeIfAbsent(SimulatedCluster.class,
        k -> SimulatedCluster.builder().namespace("default").start(), SimulatedCluster.class);
  }
}
