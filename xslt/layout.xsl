<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl: the frame of every page (head, brand bar, flash message,
  footer). A page stylesheet imports this one and supplies two templates:
  mode="title" (the page's title) and mode="main" (its content). The
  brand bar and the footer (frame.xsl) usually come made, as fragments a
  worker keeps (core/page.c, frame-parts.xsl).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="frame.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:template match="/page">
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="theme-color" content="#0b4fa8"/>
        <title>
          <xsl:apply-templates select="." mode="title"/>
          <xsl:text> · 消防蓝码</xsl:text>
        </title>
        <link rel="stylesheet" href="/static/css/site.css"/>
        <link rel="icon" href="/static/img/logo.svg" type="image/svg+xml"/>
      </head>
      <body class="page-{@name}">
        <xsl:if test="mode/@name = 'elder'">
          <xsl:attribute name="class">page-<xsl:value-of select="@name"/> mode-elder</xsl:attribute>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="frame/bar-html">
            <xsl:value-of select="frame/bar-html" disable-output-escaping="yes"/>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="bar"/></xsl:otherwise>
        </xsl:choose>
        <xsl:apply-templates select="flash"/>
        <main>
          <xsl:apply-templates select="." mode="main"/>
        </main>
        <xsl:choose>
          <xsl:when test="frame/foot-html">
            <xsl:value-of select="frame/foot-html" disable-output-escaping="yes"/>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="foot"/></xsl:otherwise>
        </xsl:choose>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="flash">
    <div class="flash" role="status">
      <xsl:choose>
        <xsl:when test="@code = 'signed-in'">已登录。</xsl:when>
        <xsl:when test="@code = 'signed-out'">已退出登录。</xsl:when>
        <xsl:when test="@code = 'registered'">注册成功，这台设备上的蓝码已归入你的账号。</xsl:when>
        <xsl:when test="@code = 'saved'">已保存。</xsl:when>
        <xsl:when test="@code = 'resumed'">你有一次未完成的答题（角色和镇街见本页下方），已为你继续。要换一个角色答题，请先把这次交卷。</xsl:when>
        <xsl:when test="@code = 'time-up'">答题时间已到，已按当前作答自动交卷。</xsl:when>
        <xsl:when test="@code = 'reported'">感谢反馈，我们会核实这道题。</xsl:when>
        <xsl:when test="@code = 'reported-before'">你已经反馈过这道题。</xsl:when>
        <xsl:when test="@code = 'revoked'">蓝码已撤销。</xsl:when>
        <xsl:when test="@code = 'imported'">题库已导入为草稿版本。</xsl:when>
        <xsl:when test="@code = 'published'">草稿已发布为新版本。</xsl:when>
        <xsl:when test="@code = 'draft-opened'">已新建草稿版本，可以开始编辑。</xsl:when>
        <xsl:when test="@code = 'retired'">题目已停用。</xsl:when>
        <xsl:when test="@code = 'unit-created'">单位已创建，你是它的单位管理员。区消安委办审核通过后，成员就可以凭加入码加入。</xsl:when>
        <xsl:when test="@code = 'join-asked'">已申请加入，等待单位管理员审核。</xsl:when>
        <xsl:when test="@code = 'left'">已退出单位。</xsl:when>
        <xsl:when test="@code = 'member-approved'">已通过加入申请。</xsl:when>
        <xsl:when test="@code = 'member-removed'">已移出。</xsl:when>
        <xsl:when test="@code = 'member-admin'">已设为单位管理员。</xsl:when>
        <xsl:when test="@code = 'invited'">名单已导入：已注册的人已加入本单位，其余的人注册后自动加入。</xsl:when>
        <xsl:when test="@code = 'unit-approved'">单位已审核通过。</xsl:when>
        <xsl:when test="@code = 'unit-rejected'">已标记为未通过。</xsl:when>
        <xsl:when test="@code = 'password-changed'">密码已修改。</xsl:when>
        <xsl:when test="@code = 'lesson-done'">已学完这个课时。</xsl:when>
        <xsl:when test="@code = 'password-reset'">新密码已设置，请用新密码登录。</xsl:when>
        <xsl:when test="@code = 'visit-booked'">预约成功。请记下预约编号，参观当天出示。</xsl:when>
        <xsl:when test="@code = 'visit-cancelled'">预约已取消，名额已释放。</xsl:when>
        <xsl:when test="@code = 'hazard-filed'">已提交，谢谢你！请记下查询编号，随时查看处理进度。</xsl:when>
        <xsl:when test="@code = 'account-deleted'">账号已注销，个人信息已删除。已领取的蓝码在有效期内仍可核验。</xsl:when>
        <xsl:when test="@code = 'hazard-added'">补充已提交，谢谢你！工作人员会一并处理。</xsl:when>
        <xsl:when test="@code = 'aid-submitted'">救助申请已提交。请记下申请编号，凭编号和申请时的手机号查询办理进度。</xsl:when>
        <xsl:when test="@code = 'training-requested'">申请已提交。请记下预约编号，我们会在 5 个工作日内答复。</xsl:when>
        <xsl:when test="@code = 'training-cancelled'">培训申请已取消。</xsl:when>
        <xsl:when test="@code = 'training-accepted'">已同意建议的时间，培训已确认。</xsl:when>
        <xsl:when test="@code = 'bulletin-published'">通报已发布，内容已固定，以后的新数据不会改变它。</xsl:when>
        <xsl:otherwise>操作已完成。</xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>
</xsl:stylesheet>
