<?xml version="1.0" encoding="UTF-8"?>
<!-- home.xsl: the jurisdiction's home page. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">
    <l:m><xsl:value-of select="jurisdiction/@name"/>全民消防安全普测</l:m>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="hero">
      <h1>消防蓝码</h1>
      <p class="hero-sub">
        <l:m><xsl:value-of select="jurisdiction/@name"/>全民消防安全在线培训普测</l:m>
      </p>
      <p>选择你的角色，完成一组针对日常工作和生活中最常见消防问题的测试题，通过后即可领取属于你的“消防蓝码”。蓝码附带可打印的胸卡，扫码即可核验。</p>
      <p class="hero-actions">
        <a class="button light" href="/quiz">开始答题，领取蓝码</a>
        <a class="button ghost" href="/my">我的蓝码</a>
      </p>
    </section>

    <section class="card">
      <h2>谁需要领取</h2>
      <ul class="roles">
        <xsl:for-each select="roles/role">
          <li class="role">
            <span class="role-name"><xsl:value-of select="@name"/></span>
            <span class="role-valid"><l:m>有效期 <xsl:value-of select="@months"/> 个月</l:m></span>
            <span class="role-who"><xsl:value-of select="@audience"/></span>
          </li>
        </xsl:for-each>
      </ul>
      <p class="note">蓝码到期后可重新答题领取；题库将根据消防安全形势和新出台的规定定期调整。</p>
    </section>

    <section class="card">
      <h2>先学再考</h2>
      <p>灭火器使用、高层逃生、电动自行车安全充电、单位消防安全责任……图文和视频课程随时可学；练习考试不限次数，每题都有解析。登录后学习和练习都能获得学习积分，计入所在单位和镇街的排名。</p>
      <p><a class="button secondary" href="/learn">学习课程</a><xsl:text> </xsl:text><a class="button secondary" href="/practice">练习考试</a></p>
    </section>

    <section class="card">
      <h2>便民服务</h2>
      <p>发现楼道堵塞、电动自行车违规充电、消防车通道被占等隐患，拍照告诉我们；区消安委办核实后交镇街整改，结果公开。单位和社区可以预约上门消防安全培训，学校和团体可以预约参观消防站；因火灾烧伤的居民可以申请救助。</p>
      <p><a class="button secondary" href="/hazards">隐患曝光</a><xsl:text> </xsl:text><a class="button secondary" href="/training">预约消防安全培训</a><xsl:text> </xsl:text><a class="button secondary" href="/visits">预约消防站参观</a><xsl:text> </xsl:text><a class="button secondary" href="/aid">申请火灾烧伤救助</a></p>
    </section>

    <section class="card">
      <h2>领取步骤</h2>
      <ol class="steps">
        <li><l:m><strong>选择角色</strong>：按本人实际情况选择上面五类人群之一。</l:m></li>
        <li><l:m><strong>确认所在镇街</strong>：允许浏览器定位，系统自动确定你所在的镇街；定位不准时可以手动选择，但手动选择的成绩不纳入考核统计。</l:m></li>
        <li><l:m><strong>答题</strong>：题目有单选题、多选题和判断题，请看清题型认真作答。</l:m></li>
        <li><l:m><strong>领取蓝码</strong>：通过后即可查看和下载蓝码及胸卡；建议绑定手机号，方便续期和查询。</l:m></li>
      </ol>
    </section>

  </xsl:template>
</xsl:stylesheet>
