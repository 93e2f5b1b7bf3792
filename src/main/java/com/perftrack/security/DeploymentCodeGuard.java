package com.perftrack.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Runs before the engine's own deployers and refuses a deployment whose models carry code
 * ({@link ModelCodeScanner}): through REST (Camunda Modeler), the Java API and the application's
 * own start-up deployment alike. The refusal is a {@link BadUserRequestException}, which the engine
 * REST API answers with 400 and the message naming every element.
 */
class DeploymentCodeGuard implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (ModelCodeScanner.isPageOrScript(resource.getName())) {
                problems.add(resource.getName() + " 是网页或脚本（嵌入式表单会在用户的浏览器中运行代码），请使用 Camunda Forms (.form)"
                        + " / HTML and script resources run code in users' browsers: use Camunda Forms (.form)");
            } else if (ModelCodeScanner.isModel(resource.getName()) && resource.getBytes() != null) {
                problems.addAll(ModelCodeScanner.problems(resource.getName(), resource.getBytes()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("部署被拒绝：模型不得携带代码。 / Deployment refused: models may not carry code. "
                    + String.join("; ", problems));
        }
    }
}
